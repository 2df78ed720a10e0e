import { CronExpressionParser } from 'cron-parser';

/** A workflow's timing: a cron expression in the tenant's time zone, or a fixed interval. */
export type Schedule = { cron: string } | { everySeconds: number };

/** Cron with 5 fields (minute precision) or 6 (seconds first); `null` when it is not one. */
export function cronProblem(cron: string, timezone: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) return 'A cron expression has 5 fields (minute hour day month weekday), or 6 with seconds first';
  try {
    CronExpressionParser.parse(cron, { tz: timezone }).next();
    return null;
  } catch (error) {
    return `Not a valid cron expression: ${(error as Error).message}`;
  }
}

/** The next `count` times a cron fires after `from`, in the given zone (for the admin console). */
export function nextTimes(cron: string, timezone: string, from: Date, count: number): Date[] {
  const expression = CronExpressionParser.parse(cron, { tz: timezone, currentDate: from });
  return Array.from({ length: count }, () => expression.next().toDate());
}

/**
 * The scheduled tick a run belongs to: the latest time the cron fired at or before `startedAt`.
 * A late start (workers were down) or a retry of a failed run still belongs to the same tick, so
 * the tick is the key that makes each occurrence execute once.
 */
export function occurrenceOf(schedule: Schedule, timezone: string, startedAt: Date): string {
  if ('cron' in schedule) {
    const expression = CronExpressionParser.parse(schedule.cron, { tz: timezone, currentDate: new Date(startedAt.getTime() + 1) });
    return `tick:${expression.prev().toDate().toISOString()}`;
  }
  const period = schedule.everySeconds * 1000;
  return `tick:${new Date(Math.floor(startedAt.getTime() / period) * period).toISOString()}`;
}

/** Exponential back-off for email delivery: base, 2×base, 4×base … capped (attempt is 1-based). */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}
