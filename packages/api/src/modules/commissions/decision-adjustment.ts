import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { nextPeriod } from '../../shared/period.js';
import type { Tenant } from '../tenants/tenant.entity.js';
import { CommissionLineKind, CommissionLineStatus } from './commission.enums.js';
import { lastClosedPeriod } from './commission-plan.service.js';
import { CommissionLine } from './commission-run.entity.js';

/**
 * A correction decided by a person (an upheld dispute, a reconciliation adjustment): an APPROVED
 * ADJUSTMENT line with no run, in the period it corrects if that is still open, otherwise in the
 * first open period — closed periods and paid lines are never edited. Reruns keep such lines.
 */
export async function createDecisionAdjustment(
  tx: EntityManager,
  tenant: Tenant,
  input: {
    forPeriod: string;
    resellerId: string;
    customerId: string | null;
    planVersionId: string;
    amountCents: bigint;
    trace: string;
    traceData: Record<string, unknown>;
  },
): Promise<string> {
  const closed = await lastClosedPeriod(tx);
  const id = randomUUID();
  tx.create(CommissionLine, {
    id,
    tenant,
    period: closed && input.forPeriod <= closed ? nextPeriod(closed) : input.forPeriod,
    reseller: input.resellerId,
    customer: input.customerId,
    kind: CommissionLineKind.ADJUSTMENT,
    adjustmentForPeriod: input.forPeriod,
    planVersion: input.planVersionId,
    baseCents: 0n,
    amountCents: input.amountCents,
    status: CommissionLineStatus.APPROVED,
    trace: input.trace,
    traceData: input.traceData,
  } as never);
  return id;
}
