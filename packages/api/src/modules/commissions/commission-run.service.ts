import { faultPoint } from '../../shared/fault-injection.js';
import { applyRate, formatMoneyDisplay, formatPercent } from '@reseller-hub/shared-schema/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Context } from '../../app/context.js';
import { AppError, conflict, notFound } from '../../shared/errors.js';
import { logger } from '../../shared/logger.js';
import { addDaysToDate, firstDayOf, requirePeriod, lastDayOf, nextPeriod, periodOfDate } from '../../shared/period.js';
import { isUuid } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { ResellerStatus } from '../resellers/reseller.enums.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { Tenant } from '../tenants/tenant.entity.js';
import { computeResellerCommission, type CustomerInput, type PlanTerms } from './commission-engine.js';
import { CommissionLineKind, CommissionLineStatus, CommissionRunStatus, PlanType } from './commission.enums.js';
import { CommissionPlan, CommissionPlanAssignment, CommissionPlanVersion } from './commission-plan.entity.js';
import { lastClosedPeriod } from './commission-plan.service.js';
import { CommissionLine, CommissionPeriodClose, CommissionRun } from './commission-run.entity.js';
import { firstPaymentDates, insertRunLines, paidRecordsForRun, SerialStatements, tiersReached, tryLockPeriod, type LineInsertRow, type PaidRecordRow } from './commission-run.repository.js';

/** Every plan, version and assignment of the tenant, and which applies to a reseller in a period. */
class PlanBook {
  private constructor(
    private readonly plans: Map<string, CommissionPlan>,
    private readonly versions: Map<string, CommissionPlanVersion[]>,
    private readonly assignments: Map<string, CommissionPlanAssignment[]>,
    private readonly defaultPlan: CommissionPlan | undefined,
  ) {}

  static async load(em: EntityManager): Promise<PlanBook> {
    // One after the other: inside the run's transaction they share one connection.
    const plans = await em.find(CommissionPlan, {});
    const versions = await em.find(CommissionPlanVersion, {}, { orderBy: { effectiveFrom: 'desc' } });
    const assignments = await em.find(CommissionPlanAssignment, {}, { orderBy: { effectiveFrom: 'desc' } });
    const group = <T>(items: T[], key: (item: T) => string) => {
      const map = new Map<string, T[]>();
      for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
      return map;
    };
    return new PlanBook(
      new Map(plans.map((plan) => [plan.id, plan])),
      group(versions, (version) => version.plan.id),
      group(assignments, (assignment) => assignment.reseller.id),
      plans.find((plan) => plan.isDefault),
    );
  }

  /** The reseller's plan on the first day of the period (its own assignment, else the tenant default). */
  versionFor(resellerId: string, period: string): { plan: CommissionPlan; version: CommissionPlanVersion } | null {
    const assignment = this.assignments.get(resellerId)?.find((candidate) => candidate.effectiveFrom <= period);
    const plan = assignment ? this.plans.get(assignment.plan.id) : this.defaultPlan;
    if (!plan) return null;
    const version = this.versions.get(plan.id)?.find((candidate) => candidate.effectiveFrom <= period);
    return version ? { plan, version } : null;
  }

  get longestHoldingDays(): number {
    return Math.max(0, ...[...this.versions.values()].flat().map((version) => version.holdingDays));
  }
}

export function planTerms(plan: CommissionPlan, version: CommissionPlanVersion): PlanTerms {
  return {
    planVersionId: version.id,
    planName: plan.name,
    version: version.version,
    type: plan.type,
    rateUnits: version.rateUnits === null ? undefined : BigInt(version.rateUnits),
    perNewCustomerCents: version.perNewCustomerCents ?? undefined,
    perActiveCustomerCents: version.perActiveCustomerCents ?? undefined,
    tiers: version.tiers?.map((tier) => ({ fromCents: BigInt(tier.fromCents), rateUnits: BigInt(tier.rateUnits) })),
    tierMode: version.tierMode ?? undefined,
    monthlyCapCents: version.monthlyCapCents,
  };
}

/** A line as the run computes it: what the repository inserts, with its kind typed. */
type LineRow = LineInsertRow & { kind: CommissionLineKind };

/** Trace-data keys whose values the line's own columns hold (plan version, amounts, customer, sources). */
const KEYS_STORED_AS_COLUMNS = new Set(['planVersionId', 'planName', 'version', 'type', 'customerId', 'baseCents', 'rateUnits', 'feeCents', 'tierIndex', 'amountCents', 'sourceRecordIds']);

/**
 * The engine's trace data as stored: without what the line's columns already say. Stored once per
 * line, a million times a run; the duplicates were most of its bytes (and of the insert's time).
 */
function storedTraceData(traceData: Record<string, unknown>): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(traceData)) if (!KEYS_STORED_AS_COLUMNS.has(key)) stored[key] = value;
  return stored;
}

/** Which period a payment counts in: the one containing paidDate + the plan's holding days. */
function countingPeriod(book: PlanBook, row: PaidRecordRow): string | null {
  const terms = book.versionFor(row.reseller_id, periodOfDate(row.paid_date));
  return periodOfDate(addDaysToDate(row.paid_date, terms?.version.holdingDays ?? 0));
}

/**
 * The lines of one period (SPEC §4 "Monthly run"): every ACTIVE reseller's customers' revenue
 * counted in the period through the engine, plus — when this is the first open period — one
 * adjustment line per customer and closed period for records that closed periods did not count
 * (late records, refunds after close, corrected amounts).
 */
export type ProgressReporter = (percent: number) => Promise<void>;

type Regular = Map<string, CustomerInput>; // customer → input, for one reseller
interface RunTotals {
  revenueCents: bigint;
  resellerCount: number;
}

/** Records are read and computed this many at a time (whole resellers), so memory stays bounded. */
const RECORDS_PER_BATCH = 10_000;

/**
 * The lines of one period, handed to `sink` batch by batch (resellers in id order, adjustments
 * last) — the run writes each batch as it comes; {@link computeLines} collects them.
 */
export async function streamLines(
  tx: EntityManager,
  tenant: Tenant,
  period: string,
  lastClosed: string | null,
  onProgress: ProgressReporter,
  sink: (lines: LineRow[], statements: SerialStatements) => Promise<void>,
): Promise<RunTotals> {
  // Every statement on `tx` while records stream goes through this queue (the sink's writes too).
  const statements = new SerialStatements();
  const book = await PlanBook.load(tx);
  const active = new Set((await tx.find(Reseller, { status: ResellerStatus.ACTIVE }, { fields: ['id'] })).map((reseller) => reseller.id));
  const adjusting = lastClosed !== null && period === nextPeriod(lastClosed);
  // "New customer" only matters to FLAT_FEE plans: first payments of their resellers' customers.
  const flatFeeResellers = [...active].filter((id) => book.versionFor(id, period)?.plan.type === PlanType.FLAT_FEE);
  const firstPaid = await firstPaymentDates(tx, tenant.id, flatFeeResellers, lastDayOf(period));
  const adjustments = new Map<string, { resellerId: string; customerId: string; customerName: string; forPeriod: string; records: PaidRecordRow[]; delta: bigint }>();
  const totals: RunTotals = { revenueCents: 0n, resellerCount: 0 };
  let resellersDone = 0;

  // Resellers whose records are all read, waiting to be computed together.
  let pending: { resellerId: string; customers: Regular }[] = [];
  let pendingRecords = 0;
  const computePending = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingRecords = 0;
    const lines: LineRow[] = [];
    for (const { resellerId, customers } of batch) {
      if (++resellersDone % 500 === 0) await onProgress(10 + Math.min(60, Math.floor((60 * resellersDone) / Math.max(1, active.size))));
      const terms = book.versionFor(resellerId, period);
      if (!terms) {
        logger.warn('reseller has no commission plan; skipped', { resellerId, period });
        continue;
      }
      for (const customer of customers.values()) {
        const first = firstPaid.get(`${resellerId}:${customer.customerId}`);
        customer.isNewInPeriod = first !== undefined && periodOfDate(addDaysToDate(first, terms.version.holdingDays)) === period;
      }
      const result = computeResellerCommission(planTerms(terms.plan, terms.version), [...customers.values()], tenant.currency);
      for (const line of result.lines) {
        const sources = line.customerId ? customers.get(line.customerId)!.records.map((record) => ({ billingRecordId: record.billingRecordId, countedCents: record.paidCents })) : [];
        lines.push({
          id: randomUUID(),
          resellerId,
          customerId: line.customerId,
          kind: line.kind === 'CAP' ? CommissionLineKind.CAP : CommissionLineKind.CUSTOMER,
          adjustmentForPeriod: null,
          planVersionId: terms.version.id,
          baseCents: line.baseCents,
          rateUnits: line.rateUnits === null ? null : Number(line.rateUnits),
          feeCents: line.feeCents,
          tierIndex: line.tierIndex,
          amountCents: line.amountCents,
          trace: line.trace,
          traceData: storedTraceData(line.traceData),
          sources,
        });
      }
    }
    await sink(lines, statements);
  };

  await onProgress(10);
  let currentReseller: string | null = null;
  let current: Regular | null = null;
  const finishReseller = async () => {
    if (currentReseller !== null && current !== null) {
      pending.push({ resellerId: currentReseller, customers: current });
      totals.resellerCount++;
    }
    currentReseller = null;
    current = null;
    if (pendingRecords >= RECORDS_PER_BATCH) await computePending();
  };
  const records = paidRecordsForRun(
    tx,
    tenant.id,
    { start: addDaysToDate(firstDayOf(period), -book.longestHoldingDays), end: lastDayOf(period) },
    adjusting ? { lastClosedPeriod: lastClosed!, adjustUpTo: lastDayOf(lastClosed!) } : null,
    statements,
  );
  for await (const rows of records) {
    for (const row of rows) {
      if (!active.has(row.reseller_id)) continue;
      const delta = BigInt(row.paid_cents) - BigInt(row.counted_closed);
      if (delta === 0n) continue;
      const counting = countingPeriod(book, row)!;
      if (counting === period) {
        // Rows come ordered by reseller: a new reseller id means the previous one is complete.
        if (row.reseller_id !== currentReseller) {
          await finishReseller();
          currentReseller = row.reseller_id;
          current = new Map();
        }
        const customers: Regular = current!;
        let customer = customers.get(row.customer_id);
        if (!customer) {
          customer = { customerId: row.customer_id, customerName: row.customer_name, records: [], isNewInPeriod: false };
          customers.set(row.customer_id, customer);
        }
        customer.records.push({ billingRecordId: row.id, invoiceId: row.invoice_id, paidCents: delta, paidDate: row.paid_date });
        pendingRecords++;
        totals.revenueCents += delta;
      } else if (adjusting && counting <= lastClosed!) {
        const key = `${row.reseller_id}:${row.customer_id}:${counting}`;
        const group = adjustments.get(key) ?? { resellerId: row.reseller_id, customerId: row.customer_id, customerName: row.customer_name, forPeriod: counting, records: [], delta: 0n };
        adjustments.set(key, group);
        group.records.push(row);
        group.delta += delta;
      }
    }
  }
  await finishReseller();
  await computePending();

  const reached = await statements.run(() => tiersReached(tx, tenant.id, [...new Set([...adjustments.values()].map((group) => group.forPeriod))]));
  const adjustmentLines: LineRow[] = [];
  for (const group of adjustments.values()) {
    const terms = book.versionFor(group.resellerId, group.forPeriod);
    if (!terms) continue;
    const { rateUnits, how } = adjustmentRate(terms.plan, terms.version, reached.get(`${group.resellerId}:${group.forPeriod}`));
    const amountCents = rateUnits === null ? 0n : applyRate(group.delta, rateUnits);
    const invoices = group.records.map((record) => record.invoice_id).join(', ');
    const verb = group.delta < 0n ? 'refunded' : 'paid';
    adjustmentLines.push({
      id: randomUUID(),
      resellerId: group.resellerId,
      customerId: group.customerId,
      kind: CommissionLineKind.ADJUSTMENT,
      adjustmentForPeriod: group.forPeriod,
      planVersionId: terms.version.id,
      baseCents: group.delta,
      rateUnits: rateUnits === null ? null : Number(rateUnits),
      feeCents: null,
      tierIndex: null,
      amountCents,
      trace:
        rateUnits === null
          ? `Adjustment for closed period ${group.forPeriod}: ${formatMoneyDisplay(group.delta, tenant.currency)} ${verb} late on ${invoices} — ${how}`
          : `Adjustment for closed period ${group.forPeriod}: ${formatPercent(rateUnits)} of ${formatMoneyDisplay(group.delta, tenant.currency)} ${verb} late on ${invoices} (${how})`,
      traceData: { kind: 'ADJUSTMENT', forPeriod: group.forPeriod, invoiceIds: group.records.map((record) => record.invoice_id) },
      sources: group.records.map((record) => ({ billingRecordId: record.id, countedCents: BigInt(record.paid_cents) - BigInt(record.counted_closed) })),
    });
  }
  if (adjustmentLines.length) await sink(adjustmentLines, statements);
  await statements.idle();
  return totals;
}

/**
 * The lines of one period (SPEC §4 "Monthly run"): every ACTIVE reseller's customers' revenue
 * counted in the period through the engine, plus — when this is the first open period — one
 * adjustment line per customer and closed period for records that closed periods did not count
 * (late records, refunds after close, corrected amounts). Collected in memory (reconciliation);
 * the run itself streams them with {@link streamLines}.
 */
export async function computeLines(
  tx: EntityManager,
  tenant: Tenant,
  period: string,
  lastClosed: string | null,
  onProgress: ProgressReporter = async () => {},
): Promise<{ lines: LineRow[]; revenueCents: bigint; resellerCount: number }> {
  const lines: LineRow[] = [];
  const totals = await streamLines(tx, tenant, period, lastClosed, onProgress, async (batch) => {
    for (const line of batch) lines.push(line);
  });
  return { lines, ...totals };
}

/**
 * The rate for a late change to a closed period (decided here; SPEC §4 only says it becomes an
 * adjustment): a percentage plan's rate in that period; a tiered plan's rate of the tier the
 * reseller reached then (the closed period's tier is not re-decided); a flat-fee plan pays per
 * customer, not per revenue, so revenue changes are recorded with no amount.
 */
function adjustmentRate(plan: CommissionPlan, version: CommissionPlanVersion, tierReached: number | undefined): { rateUnits: bigint | null; how: string } {
  if (plan.type === PlanType.PERCENTAGE) return { rateUnits: BigInt(version.rateUnits ?? 0), how: `${plan.name} v${version.version}` };
  if (plan.type === PlanType.TIERED) {
    const index = tierReached ?? 0;
    const tier = version.tiers?.[index] ?? version.tiers?.[0];
    return { rateUnits: BigInt(tier?.rateUnits ?? 0), how: `tier ${index + 1} reached in that period, ${plan.name} v${version.version}` };
  }
  return { rateUnits: null, how: 'flat-fee plans are not adjusted for revenue changes' };
}

/**
 * SPEC §4 monthly run, in one transaction. Idempotent: a rerun of an open period replaces its own
 * CALCULATED lines and yields the same totals. Refused (CONFLICT) for a closed period, an approved
 * run, or while another run of the period holds its lock. A failure is recorded as a FAILED run.
 */
export async function runCommissions(ctx: Context, period: string): Promise<CommissionRun> {
  requirePeriod(period);
  const tenant = await actorTenant(ctx);
  // When the run really executed (wall time, not the business clock): orders runs of a period.
  const startedAt = new Date();
  const startedBy = ctx.actor?.label ?? 'system';
  let runId: string | null = null;
  // Progress and failure are written outside the run's transaction, so others see them live.
  const outside = () => ctx.em.fork();
  const reportProgress: ProgressReporter = async (percent) => {
    if (runId) await outside().nativeUpdate(CommissionRun, { id: runId }, { progressPercent: Math.min(99, percent) });
  };
  try {
    const completed = await ctx.em.transactional(async (tx) => {
      if (!(await tryLockPeriod(tx, tenant.id, period))) throw conflict(`A commission run for ${period} is already in progress`);
      // We hold the period's lock, which a live run keeps to its end: a RUNNING run left is one whose process died.
      await outside().nativeUpdate(CommissionRun, { period, status: CommissionRunStatus.RUNNING }, { status: CommissionRunStatus.FAILED, finishedAt: new Date(), error: 'Interrupted: the process stopped before the run finished (nothing it computed was kept)' });
      const lastClosed = await lastClosedPeriod(tx);
      if (lastClosed && period <= lastClosed) throw conflict(`${period} is closed; late records for it are counted as adjustments in the first open period`);
      if (await tx.count(CommissionRun, { period, status: CommissionRunStatus.APPROVED })) {
        throw conflict(`The run for ${period} is approved; its lines can no longer be recalculated`);
      }
      if (await tx.count(CommissionLine, { period, status: CommissionLineStatus.DISPUTED })) {
        throw conflict(`Lines of ${period} are disputed; resolve the disputes before running again`);
      }
      const started = outside();
      const created = started.create(CommissionRun, { tenant: started.getReference(Tenant, tenant.id), period, startedAt, startedBy });
      await started.flush();
      runId = created.id;
      // Only the lines earlier runs computed; decisions (dispute resolutions) stay. Deleted before
      // computing (the computation reads closed periods only), so lines are written as they come.
      await tx.nativeDelete(CommissionLine, { period, status: CommissionLineStatus.CALCULATED, run: { $ne: null } });
      const createdAt = new Date();
      const counts = { lines: 0, adjustments: 0, totalCents: 0n };
      // One batch is written while the next is computed (one insert in flight, so memory stays
      // bounded); a failed insert aborts the transaction and is thrown at the next await.
      let writing: Promise<void> = Promise.resolve();
      const { revenueCents, resellerCount } = await streamLines(tx, tenant, period, lastClosed, reportProgress, async (lines, statements) => {
        await writing;
        writing = statements.run(() => insertRunLines(tx, tenant.id, created.id, period, createdAt, lines));
        writing.catch(() => {});
        for (const line of lines) {
          counts.lines++;
          if (line.kind === CommissionLineKind.ADJUSTMENT) counts.adjustments++;
          counts.totalCents += line.amountCents;
        }
      });
      await writing;
      faultPoint('commission-run:lines-written');
      await reportProgress(75);
      const run = await tx.findOneOrFail(CommissionRun, { id: created.id });
      Object.assign(run, {
        status: CommissionRunStatus.COMPLETED,
        finishedAt: new Date(),
        progressPercent: 100,
        resellerCount,
        lineCount: counts.lines,
        adjustmentCount: counts.adjustments,
        revenueCents,
        totalCents: counts.totalCents,
      });
      recordAudit(tx, tenant, ctx.actor, { action: 'commission_run.completed', entityType: 'CommissionRun', entityId: run.id, data: { period, lines: counts.lines, totalCents: run.totalCents.toString() } });
      return run;
    });
    faultPoint('commission-run:committed');
    return completed;
  } catch (error) {
    // The transaction rolled back: no line was written. The run row records why.
    if (runId) {
      const message = error instanceof AppError ? error.message : `Internal error: ${(error as Error).message}`;
      await outside().nativeUpdate(CommissionRun, { id: runId }, { status: CommissionRunStatus.FAILED, finishedAt: new Date(), error: message });
    }
    if (!(error instanceof AppError)) logger.error('commission run failed', { period, error: (error as Error).message });
    throw error;
  }
}

/**
 * Approves a completed run; once committed, payment batch preparation (statements, draft batch) is
 * queued. Approving an approved run queues it again: a client that got no answer (the process died
 * between the commit and the queueing) recovers by sending the request again, and the preparation
 * does nothing twice (statements have dedupe keys, a batch takes only lines not in one yet).
 */
export async function approveCommissionRun(ctx: Context, runId: string) {
  const tenant = await actorTenant(ctx);
  const run = await ctx.em.transactional(async (tx) => {
    const run = isUuid(runId) ? await tx.findOne(CommissionRun, { id: runId }) : null;
    if (!run) throw notFound('Commission run');
    if (!(await tryLockPeriod(tx, tenant.id, run.period))) throw conflict(`A commission run for ${run.period} is in progress`);
    await tx.refresh(run);
    if (run.status === CommissionRunStatus.APPROVED) return run;
    if (run.status !== CommissionRunStatus.COMPLETED) throw conflict(`A ${run.status.toLowerCase()} run cannot be approved`);
    const latest = await tx.findOne(CommissionRun, { period: run.period, status: { $in: [CommissionRunStatus.COMPLETED, CommissionRunStatus.APPROVED] } }, { orderBy: { startedAt: 'desc', id: 'desc' } });
    if (latest?.id !== run.id) throw conflict('A later run of this period replaced this one; approve the latest run');
    await tx.nativeUpdate(CommissionLine, { run, status: CommissionLineStatus.CALCULATED }, { status: CommissionLineStatus.APPROVED });
    run.status = CommissionRunStatus.APPROVED;
    run.approvedAt = ctx.app.clock.now();
    run.approvedBy = ctx.actor?.label ?? 'system';
    recordAudit(tx, tenant, ctx.actor, { action: 'commission_run.approved', entityType: 'CommissionRun', entityId: run.id, data: { period: run.period } });
    return run;
  });
  faultPoint('commission-approve:committed');
  await ctx.app.scheduler.enqueueAfterCommit('payment-batch-preparation', tenant.id, { runId: run.id }, ctx.actor?.label ?? null);
  return run;
}

/** Closes a period for good. Periods close in order, and only once their run is approved. */
export async function closeCommissionPeriod(ctx: Context, period: string) {
  requirePeriod(period);
  const tenant = await actorTenant(ctx);
  return ctx.em.transactional(async (tx) => {
    if (!(await tryLockPeriod(tx, tenant.id, period))) throw conflict(`A commission run for ${period} is in progress`);
    const lastClosed = await lastClosedPeriod(tx);
    if (lastClosed && period <= lastClosed) {
      const existing = await tx.findOne(CommissionPeriodClose, { period });
      if (existing) return existing;
      throw conflict(`${period} is before the last closed period ${lastClosed}`);
    }
    if (lastClosed && period !== nextPeriod(lastClosed)) throw conflict(`Close ${nextPeriod(lastClosed)} first: periods close in order`);
    const approved = await tx.count(CommissionRun, { period, status: CommissionRunStatus.APPROVED });
    if (!approved) throw conflict(`Approve the run for ${period} before closing it`);
    const close = tx.create(CommissionPeriodClose, { tenant, period, closedBy: ctx.actor?.label ?? 'system' });
    recordAudit(tx, tenant, ctx.actor, { action: 'commission_period.closed', entityType: 'CommissionPeriodClose', entityId: close.id, data: { period } });
    return close;
  });
}
