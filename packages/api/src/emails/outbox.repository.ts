import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows } from '../db/raw-sql.js';

export interface ClaimedEmail {
  id: string;
  to_address: string;
  to_name: string | null;
  subject: string;
  html: string;
  text: string;
  attempts: number;
}

/**
 * The delivery job's SQL, for one tenant named explicitly. A claim (`locked_until`) is taken with
 * SKIP LOCKED, so two workers never hold the same email; a dead worker's claim simply expires.
 */
export class OutboxRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
  ) {}

  /** Takes up to `limit` due emails, oldest first, and counts the attempt. */
  claimDue(now: Date, claimUntil: Date, limit: number): Promise<ClaimedEmail[]> {
    return sqlRows<ClaimedEmail>(
      this.em,
      `update outbox_email set locked_until = ?, attempts = attempts + 1
        where id in (
          select id from outbox_email
           where tenant_id = ? and status = 'QUEUED' and (next_attempt_at is null or next_attempt_at <= ?)
             and (locked_until is null or locked_until < ?)
           order by created_at, id
           limit ? for update skip locked)
        returning id, to_address, to_name, subject, html, text, attempts`,
      [claimUntil, this.tenantId, now, now, limit],
    );
  }

  /** Ends a claim; `where locked_until = claim` so a worker whose claim expired changes nothing. */
  async finish(id: string, claimUntil: Date, change: { status: 'SENT' | 'QUEUED' | 'FAILED' | 'CAPTURED'; sentAt?: Date; nextAttemptAt?: Date; error?: string | null; messageId?: string }) {
    await sqlRows(
      this.em,
      `update outbox_email set status = ?, sent_at = ?, next_attempt_at = ?, last_error = ?, message_id = coalesce(?, message_id), locked_until = null
        where id = ? and tenant_id = ? and locked_until = ?`,
      [change.status, change.sentAt ?? null, change.nextAttemptAt ?? null, change.error ?? null, change.messageId ?? null, id, this.tenantId, claimUntil],
    );
  }

  /** The backlog figures of the system-health check. */
  async backlog(now: Date): Promise<{ queued: number; due: number; failed: number; oldest_due_at: Date | null }> {
    const [row] = await sqlRows<{ queued: string; due: string; failed: string; oldest_due_at: Date | null }>(
      this.em,
      `select count(*) filter (where status = 'QUEUED') as queued,
              count(*) filter (where status = 'QUEUED' and (next_attempt_at is null or next_attempt_at <= ?)) as due,
              count(*) filter (where status = 'FAILED') as failed,
              min(created_at) filter (where status = 'QUEUED' and (next_attempt_at is null or next_attempt_at <= ?)) as oldest_due_at
         from outbox_email where tenant_id = ?`,
      [now, now, this.tenantId],
    );
    return { queued: Number(row!.queued), due: Number(row!.due), failed: Number(row!.failed), oldest_due_at: row!.oldest_due_at };
  }
}
