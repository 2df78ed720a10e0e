import { formatMoneyDisplay } from '@reseller-hub/shared-schema/money';
import { randomUUID } from 'node:crypto';
import type { Context } from '../../app/context.js';
import { lockForUpdate } from '../../db/locking.js';
import { badInput, conflict, notFound } from '../../shared/errors.js';
import { firstDayOf, requirePeriod, lastDayOf, previousPeriod } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { CommissionLineStatus } from './commission.enums.js';
import { lastClosedPeriod } from './commission-plan.service.js';
import { CommissionReconciliation, type DiscrepancyStatus, type StoredDiscrepancy } from './commission-reconciliation.entity.js';
import { unpaidEarningRecords } from './commission-run.repository.js';
import { CommissionLine } from './commission-run.entity.js';
import { createDecisionAdjustment } from './decision-adjustment.js';
import { computeLines } from './commission-run.service.js';
import { compareLines } from './reconciliation.js';

/**
 * SPEC §4 reconciliation: recompute the period from billing records with the engine (nothing read
 * from the period's stored lines), compare with the lines the runs stored, and report every
 * difference plus revenue that earns nobody (unassigned customer, inactive reseller). Stored as a
 * record whose items an admin resolves one by one.
 */
export async function reconcileCommissions(ctx: Context, period: string) {
  requirePeriod(period);
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const lastClosed = await lastClosedPeriod(tx);
    // Recompute as the period's own run saw it: periods from this one on count as open.
    const closedBefore = lastClosed && lastClosed >= period ? previousPeriod(period) : lastClosed;
    const expected = await computeLines(tx, tenant, period, closedBefore);
    const stored = await tx.find(CommissionLine, { period, run: { $ne: null }, status: { $ne: CommissionLineStatus.REVERSED } });
    const differences = compareLines(
      expected.lines.map((line) => ({ resellerId: line.resellerId, customerId: line.customerId, kind: line.kind, adjustmentForPeriod: line.adjustmentForPeriod, amountCents: line.amountCents })),
      stored.map((line) => ({ resellerId: line.reseller.id, customerId: line.customer?.id ?? null, kind: line.kind, adjustmentForPeriod: line.adjustmentForPeriod, amountCents: line.amountCents })),
    );
    const money = (cents: bigint) => formatMoneyDisplay(cents, tenant.currency);
    const open = { status: 'OPEN' as DiscrepancyStatus, resolvedBy: null, resolvedAt: null, note: null, adjustmentLineId: null };
    const items: StoredDiscrepancy[] = differences.map((difference) => ({
      id: randomUUID(),
      kind: difference.kind,
      resellerId: difference.resellerId,
      customerId: difference.customerId,
      expectedCents: difference.expectedCents.toString(),
      storedCents: difference.storedCents.toString(),
      detail:
        difference.kind === 'MISSING_LINE'
          ? `No stored ${difference.lineKind.toLowerCase()} line; recomputing gives ${money(difference.expectedCents)}`
          : difference.kind === 'EXTRA_LINE'
            ? `Stored ${difference.lineKind.toLowerCase()} line of ${money(difference.storedCents)} that recomputing does not produce`
            : `Stored ${money(difference.storedCents)}, recomputing gives ${money(difference.expectedCents)} (difference ${money(difference.expectedCents - difference.storedCents)})`,
      ...open,
    }));
    for (const record of await unpaidEarningRecords(tx, tenant.id, { start: firstDayOf(period), end: lastDayOf(period) })) {
      const unassigned = record.reseller_id === null;
      items.push({
        id: randomUUID(),
        kind: unassigned ? 'UNASSIGNED_CUSTOMER' : 'INACTIVE_RESELLER',
        resellerId: record.reseller_id,
        customerId: record.customer_id,
        expectedCents: '0',
        storedCents: '0',
        detail: unassigned
          ? `${money(BigInt(record.paid_cents))} paid on ${record.invoice_id} by ${record.customer_name}, who had no reseller on the paid date`
          : `${money(BigInt(record.paid_cents))} paid on ${record.invoice_id} by ${record.customer_name}, whose reseller was ${record.reseller_status} (not ACTIVE)`,
        ...open,
      });
    }
    const reconciliation = tx.create(CommissionReconciliation, {
      tenant,
      period,
      createdBy: ctx.actor?.label ?? 'system',
      expectedTotalCents: expected.lines.reduce((sum, line) => sum + line.amountCents, 0n),
      storedTotalCents: stored.reduce((sum, line) => sum + line.amountCents, 0n),
      items,
    });
    recordAudit(tx, tenant, ctx.actor, { action: 'commission_period.reconciled', entityType: 'CommissionReconciliation', entityId: reconciliation.id, data: { period, discrepancies: items.length } });
    return reconciliation;
  });
}

export type ReconciliationAction = 'ACCEPT' | 'ADJUST' | 'DISPUTE';

/**
 * An admin's decision on one discrepancy: ACCEPT keeps the stored figure; ADJUST pays (or recovers)
 * expected − stored as an APPROVED adjustment line in the first open period; DISPUTE marks it for
 * follow-up. Each item is decided once.
 */
export async function resolveReconciliationItem(ctx: Context, input: { reconciliationId: string; itemId: string; action: ReconciliationAction; note: string }) {
  const note = input.note?.trim() ?? '';
  if (!note || note.length > 2000) throw badInput('Explain the decision (at most 2,000 characters)', { note: 'Required' });
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const reconciliation = isUuid(input.reconciliationId) ? await lockForUpdate(tx, CommissionReconciliation, input.reconciliationId) : null;
    if (!reconciliation) throw notFound('Reconciliation');
    const index = reconciliation.items.findIndex((item) => item.id === input.itemId);
    const item = reconciliation.items[index];
    if (!item) throw notFound('Discrepancy');
    if (item.status !== 'OPEN') throw conflict(`This discrepancy is already ${item.status.toLowerCase()}`);
    let adjustmentLineId: string | null = null;
    if (input.action === 'ADJUST') {
      const difference = BigInt(item.expectedCents) - BigInt(item.storedCents);
      if (difference === 0n || !item.resellerId) throw conflict('Nothing to adjust for this discrepancy: accept or dispute it');
      const template = await tx.findOne(CommissionLine, { period: reconciliation.period, reseller: item.resellerId }, { orderBy: { createdAt: 'desc' } });
      if (!template) throw conflict('No line of this reseller to base an adjustment on; rerun the period instead');
      adjustmentLineId = await createDecisionAdjustment(tx, tenant, {
        forPeriod: reconciliation.period,
        resellerId: item.resellerId,
        customerId: item.customerId,
        planVersionId: template.planVersion.id,
        amountCents: difference,
        trace: `Reconciliation of ${reconciliation.period}: ${item.detail} — adjusted by ${formatMoneyDisplay(difference, tenant.currency)}. ${note}`,
        traceData: { kind: 'RECONCILIATION', reconciliationId: reconciliation.id, itemId: item.id, differenceCents: difference.toString() },
      });
    }
    const status: DiscrepancyStatus = input.action === 'ACCEPT' ? 'ACCEPTED' : input.action === 'ADJUST' ? 'ADJUSTED' : 'DISPUTED';
    const items = [...reconciliation.items];
    items[index] = { ...item, status, note, resolvedBy: ctx.actor?.label ?? 'system', resolvedAt: ctx.app.clock.now().toISOString(), adjustmentLineId };
    reconciliation.items = items;
    recordAudit(tx, tenant, ctx.actor, { action: 'reconciliation_item.resolved', entityType: 'CommissionReconciliation', entityId: reconciliation.id, reason: note, data: { itemId: item.id, action: input.action } });
    return reconciliation;
  });
}
