import type { Context } from '../app/context.js';
import { upsertBillingRecords } from '../modules/billing/billing-record.service.js';
import { PlanType, TierMode } from '../modules/commissions/commission.enums.js';
import { assignCommissionPlan, createCommissionPlan } from '../modules/commissions/commission-plan.service.js';
import { approveCommissionRun, closeCommissionPeriod, runCommissions } from '../modules/commissions/commission-run.service.js';
import { upsertCustomers } from '../modules/customers/customer.service.js';
import { CustomerStage } from '../modules/customers/lifecycle.js';
import { addDaysToDate, firstDayOf, nextPeriod, periodOfDate, previousPeriod } from '../shared/period.js';

/** What the demo adds before its runs: the generated partners' year of history (demo-seeder.ts). */
export type BeforeRuns = (plans: { percentageId: string; tieredId: string }, history: string[]) => Promise<void>;

/**
 * Commission history for the demo, made through the real services: two plans in force for the
 * last twelve months, a dozen customers of the two demo partners billed over the last six (monthly
 * invoices paid on varying days, one paid late, one refunded), whatever `beforeRuns` adds (the
 * generated partners' year of billing), then a run for each of the twelve months — approved and
 * closed for the older months, calculated for last month — so every payment counts in the run of
 * the month it was paid, and no closed month leaves records behind as adjustments.
 * Returns the last six months (`periods`) the hand-written figures are about.
 */
export async function seedDemoCommissions(asAdmin: () => Context, resellers: { code: string; id: string }[], today: string, beforeRuns?: BeforeRuns) {
  const last = previousPeriod(periodOfDate(today));
  const history: string[] = [];
  for (let period = last, i = 0; i < 12; i++, period = previousPeriod(period)) history.unshift(period);
  const periods = history.slice(-6);
  const first = history[0]!;

  const standard = await createCommissionPlan(asAdmin(), { name: 'Standard', type: PlanType.PERCENTAGE, effectiveFrom: first, isDefault: true, terms: { rate: '0.1000', minimumPayout: '50.00' }, description: '10 % of paid revenue' });
  const volume = await createCommissionPlan(asAdmin(), {
    name: 'Volume',
    type: PlanType.TIERED,
    effectiveFrom: first,
    description: 'Tiered on monthly paid revenue',
    terms: { tierMode: TierMode.MARGINAL, tiers: [{ from: '0', rate: '0.10' }, { from: '2000.00', rate: '0.12' }, { from: '5000.00', rate: '0.15' }], monthlyCap: '2500.00' },
  });
  if (resellers[1]) await assignCommissionPlan(asAdmin(), { resellerId: resellers[1].id, planId: volume.id, effectiveFrom: first });

  const names = ['Alder Bakery', 'Birch Dental', 'Cedar Law', 'Dogwood Cafe', 'Elm Street Gym', 'Fir Family', 'Grove Clinic', 'Hazel Home', 'Ivy Studio', 'Juniper Books', 'Kestrel Logistics', 'Linden Salon'];
  const customers = names.map((name, index) => ({
    externalId: `CUST-${1001 + index}`,
    name,
    resellerCode: resellers[index % resellers.length]!.code,
    assignedSince: firstDayOf(periods[0]!),
    mrrCents: [8999, 12999, 45000, 6999, 24900, 5999, 89900, 7999, 15900, 9999, 129900, 11900][index]!,
    // Customers join over time: each starts paying in its own month.
    startsAt: periods[Math.min(index % 4, periods.length - 1)]!,
  }));
  const plans = ['Fiber 300', 'Business Fiber 500', 'Business Fiber 1G', 'Fiber 300', 'Business Fiber 500', 'Fiber 100', 'Dedicated 2G', 'Fiber 300', 'Business Fiber 500', 'Fiber 300', 'Dedicated 5G', 'Business Fiber 500'];
  await upsertCustomers(
    asAdmin(),
    customers.map(({ externalId, name, resellerCode, assignedSince, mrrCents, startsAt }, index) => ({
      externalId,
      name,
      resellerCode,
      assignedSince,
      email: `${externalId.toLowerCase()}@customers.example`,
      stage: CustomerStage.ACTIVE,
      servicePlan: plans[index],
      mrr: (mrrCents / 100).toFixed(2),
      signupDate: addDaysToDate(firstDayOf(startsAt), -3),
      usagePercent: 55 + ((index * 17) % 40),
    })),
  );

  const records = [];
  for (const period of periods) {
    for (const [index, customer] of customers.entries()) {
      if (period < customer.startsAt) continue;
      const day = 3 + ((index * 7 + Number(period.slice(5))) % 20);
      const amount = (customer.mrrCents / 100).toFixed(2);
      records.push({ invoiceId: `INV-${period.replace('-', '')}-${customer.externalId}`, customerExternalId: customer.externalId, period, invoicedAmount: amount, paidAmount: amount, paidDate: addDaysToDate(firstDayOf(period), day) });
    }
  }
  // A credit note for a service outage, refunded in the second month.
  records.push({ invoiceId: 'CN-0001', customerExternalId: 'CUST-1003', period: periods[1]!, invoicedAmount: '-150.00', paidAmount: '-150.00', paidDate: addDaysToDate(firstDayOf(periods[1]!), 24) });
  await upsertBillingRecords(asAdmin(), records);

  await beforeRuns?.({ percentageId: standard.id, tieredId: volume.id }, history);

  // Older months are approved and closed; last month is calculated and waits for approval.
  for (const period of history) {
    const run = await runCommissions(asAdmin(), period);
    if (period === last) break;
    await approveCommissionRun(asAdmin(), run.id);
    await closeCommissionPeriod(asAdmin(), period);
  }
  // A payment for a closed month that arrived late: next month's run shows it as an adjustment.
  await upsertBillingRecords(asAdmin(), [
    { invoiceId: `INV-LATE-${periods[3]!.replace('-', '')}`, customerExternalId: 'CUST-1001', period: periods[3]!, invoicedAmount: '89.99', paidAmount: '89.99', paidDate: addDaysToDate(firstDayOf(periods[3]!), 27) },
  ]);
  await runCommissions(asAdmin(), last);
  return { periods, next: nextPeriod(last) };
}
