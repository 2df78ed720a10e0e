import { parseMoney, MoneyFormatError, formatMoneyDisplay } from '@reseller-hub/shared-schema/money';
import type { Context } from '../../app/context.js';
import { actorIsReseller } from '../../auth/actor.js';
import { AppError, badInput, conflict, notFound } from '../../shared/errors.js';
import { isUuid } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { CommissionLineKind, CommissionLineStatus, DisputeResolution, DisputeStatus } from './commission.enums.js';
import { CommissionDispute, CommissionDisputeMessage } from './commission-dispute.entity.js';
import { CommissionLine } from './commission-run.entity.js';
import { createDecisionAdjustment } from './decision-adjustment.js';
import { lockForUpdate } from '../../db/locking.js';

function messageText(message: string | null | undefined): string {
  const text = message?.trim() ?? '';
  if (!text || text.length > 5000) throw badInput('Write a message (at most 5,000 characters)', { message: 'Required, at most 5,000 characters' });
  return text;
}

/** A partner disputes one of its own lines; the line is DISPUTED (not payable) until resolved. */
export async function disputeCommissionLine(ctx: Context, input: { lineId: string; message: string }) {
  const body = messageText(input.message);
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    // The reseller-scope filter makes another reseller's line NOT_FOUND.
    const line = isUuid(input.lineId) ? await lockForUpdate(tx, CommissionLine, input.lineId) : null;
    if (!line) throw notFound('Commission line');
    if (line.status === CommissionLineStatus.DISPUTED) throw conflict('This line is already disputed; add to the existing dispute');
    if (line.status === CommissionLineStatus.REVERSED) throw conflict('A reversed line cannot be disputed');
    if (line.kind === CommissionLineKind.CAP) throw conflict('The monthly cap follows from the plan; dispute the customer lines instead');
    const dispute = tx.create(CommissionDispute, {
      tenant,
      line,
      reseller: line.reseller,
      period: line.period,
      lineAmountCents: line.amountCents,
      lineTrace: line.trace,
      lineStatusBefore: line.status,
      openedBy: ctx.actor!.label,
    });
    tx.create(CommissionDisputeMessage, { tenant, dispute, reseller: line.reseller, authorLabel: ctx.actor!.label, fromPartner: true, body });
    line.status = CommissionLineStatus.DISPUTED;
    recordAudit(tx, tenant, ctx.actor, { action: 'commission_line.disputed', entityType: 'CommissionLine', entityId: line.id, data: { disputeId: dispute.id } });
    return dispute;
  });
}

export async function addCommissionDisputeMessage(ctx: Context, input: { disputeId: string; message: string }) {
  const body = messageText(input.message);
  const tenant = await actorTenant(ctx);
  const dispute = isUuid(input.disputeId) ? await ctx.em.findOne(CommissionDispute, { id: input.disputeId }) : null;
  if (!dispute) throw notFound('Dispute');
  if (dispute.status !== DisputeStatus.OPEN) throw conflict('This dispute is resolved');
  ctx.em.create(CommissionDisputeMessage, { tenant, dispute, reseller: dispute.reseller, authorLabel: ctx.actor!.label, fromPartner: actorIsReseller(ctx.actor!), body });
  await ctx.em.flush();
  return dispute;
}

/**
 * FINANCE/ADMIN resolve a dispute. The line returns to its status before the dispute. When the
 * partner was right, the difference (corrected − calculated) becomes an APPROVED adjustment line in
 * the first open period, so closed periods and paid lines are never edited.
 */
export async function resolveCommissionDispute(ctx: Context, input: { disputeId: string; resolution: DisputeResolution; message: string; correctedAmount?: string | null }) {
  const body = messageText(input.message);
  let corrected: bigint | null = null;
  if (input.resolution === DisputeResolution.UPHELD) {
    try {
      corrected = parseMoney(input.correctedAmount ?? '');
    } catch (error) {
      if (!(error instanceof MoneyFormatError)) throw error;
      throw badInput('Give the corrected amount of the line', { correctedAmount: 'A decimal amount, e.g. 125.00' });
    }
  } else if (input.correctedAmount != null && input.correctedAmount.trim() !== '') {
    // A rejection keeps the calculated amount: a corrected amount sent with it would be silently dropped.
    throw badInput('A rejected dispute keeps the calculated amount: leave the corrected amount empty', { correctedAmount: 'Only when the dispute is upheld' });
  }
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    const dispute = isUuid(input.disputeId) ? await lockForUpdate(tx, CommissionDispute, input.disputeId) : null;
    if (!dispute) throw notFound('Dispute');
    if (dispute.status !== DisputeStatus.OPEN) throw conflict('This dispute is already resolved');
    // An open dispute blocks reruns of its period, so its line still exists.
    const line = await tx.findOneOrFail(CommissionLine, { id: dispute.line!.id });
    line.status = dispute.lineStatusBefore;
    Object.assign(dispute, { status: DisputeStatus.RESOLVED, resolution: input.resolution, correctedAmountCents: corrected, resolvedBy: ctx.actor!.label, resolvedAt: ctx.app.clock.now() });
    tx.create(CommissionDisputeMessage, { tenant, dispute, reseller: dispute.reseller, authorLabel: ctx.actor!.label, fromPartner: false, body });
    if (corrected !== null && corrected !== line.amountCents) {
      const difference = corrected - line.amountCents;
      await createDecisionAdjustment(tx, tenant, {
        forPeriod: line.period,
        resellerId: line.reseller.id,
        customerId: line.customer?.id ?? null,
        planVersionId: line.planVersion.id,
        amountCents: difference,
        trace: `Dispute resolved in the partner's favour: the ${line.period} line of ${formatMoneyDisplay(line.amountCents, tenant.currency)} corrected to ${formatMoneyDisplay(corrected, tenant.currency)} (${difference > 0n ? '+' : ''}${formatMoneyDisplay(difference, tenant.currency)})`,
        traceData: { kind: 'DISPUTE_RESOLUTION', disputeId: dispute.id, lineId: line.id, correctedCents: corrected.toString(), differenceCents: difference.toString() },
      });
    } else if (corrected !== null) {
      throw new AppError('BAD_USER_INPUT', 'The corrected amount equals the calculated one: reject the dispute instead', { fieldErrors: { correctedAmount: 'Same as the calculated amount' } });
    }
    recordAudit(tx, tenant, ctx.actor, { action: 'commission_dispute.resolved', entityType: 'CommissionDispute', entityId: dispute.id, reason: body, data: { resolution: input.resolution, correctedCents: corrected?.toString() ?? null } });
    return dispute;
  });
}
