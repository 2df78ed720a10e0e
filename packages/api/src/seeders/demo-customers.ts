import type { Context } from '../app/context.js';
import { upsertCustomers } from '../modules/customers/customer.service.js';
import { recomputeCustomerHealth } from '../modules/customers/customer-health.service.js';
import { CustomerStageTransition, CustomerTask, CustomerTaskStatus, InteractionOutcome, InteractionType } from '../modules/customers/customer-history.entity.js';
import { Customer } from '../modules/customers/customer.entity.js';
import { CustomerStage, PIPELINE, STAGE_ACTIONS } from '../modules/customers/lifecycle.js';
import { logCustomerInteraction } from '../modules/customers/interaction.service.js';
import { addDaysToDate } from '../shared/period.js';

const S = CustomerStage;
const POST_SALE = [S.CLOSED_WON, S.ONBOARDING, S.ACTIVE];

/** The lifecycle path that ends in `stage` (the way a real customer would have come). */
function pathTo(stage: CustomerStage, lost: boolean): CustomerStage[] {
  if (PIPELINE.includes(stage)) return PIPELINE.slice(0, PIPELINE.indexOf(stage) + 1);
  if (stage === S.CHURNED && lost) return [S.PROSPECT, S.LEAD, S.QUALIFIED, S.CHURNED];
  const signed = [...PIPELINE, ...POST_SALE.slice(1)];
  if (stage === S.ONBOARDING) return [...PIPELINE, S.ONBOARDING];
  if (stage === S.ACTIVE) return signed;
  if (stage === S.EXPANSION) return [...signed, S.EXPANSION];
  if (stage === S.AT_RISK) return [...signed, S.AT_RISK];
  if (stage === S.CHURNED) return [...signed, S.AT_RISK, S.CHURNED];
  return [...signed, S.AT_RISK, S.CHURNED, S.REACTIVATION];
}

/**
 * Day offsets (negative: days before today, never today or later, in order) for each step of a
 * path: pipeline steps 3–12 days apart up to the signature `daysAgo` days ago (or, for a customer
 * still in the pipeline, starting `daysAgo` days ago); after it, onboarding within days, active
 * within weeks, and any later steps spread evenly up to yesterday.
 */
function pathDays(path: CustomerStage[], daysAgo: number, next: () => number): number[] {
  const gap = () => 3 + Math.floor(next() * 10);
  const signedAt = path.indexOf(S.CLOSED_WON);
  const days: number[] = [];
  if (signedAt < 0) {
    let day = -daysAgo;
    for (let i = 0; i < path.length; i++, day += gap()) days.push(Math.min(day, -1));
    return days;
  }
  let day = -daysAgo;
  for (let i = signedAt; i >= 0; i--, day -= gap()) days.unshift(day);
  day = -daysAgo;
  const after = path.slice(signedAt + 1);
  after.forEach((stage, i) => {
    if (stage === S.ONBOARDING) day += 2 + Math.floor(next() * 4);
    else if (stage === S.ACTIVE && i <= 1) day += 10 + Math.floor(next() * 10);
    else day += Math.max(1, Math.floor((-1 - day) / (after.length - i + 1)));
    days.push(Math.min(day, -1));
  });
  return days;
}

/** Deterministic pseudo-random numbers (mulberry32), so every demo database looks the same. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DemoCustomer {
  name: string;
  stage: CustomerStage;
  /** Days ago the customer signed (CLOSED_WON) or, in the pipeline, first became a prospect. */
  daysAgo: number;
  lost?: boolean;
  plan?: string;
  mrr?: string;
  usage?: number;
  /** Complaints and technical issues lately: the health scoring will move it to AT_RISK. */
  troubled?: boolean;
}

const FIRST_PARTNER: DemoCustomer[] = [
  { name: 'Maple Veterinary', stage: S.PROSPECT, daysAgo: 4 },
  { name: 'Northgate Pharmacy', stage: S.PROSPECT, daysAgo: 9 },
  { name: 'Oriole Coworking', stage: S.PROSPECT, daysAgo: 15 },
  { name: 'Pine Ridge School', stage: S.LEAD, daysAgo: 21 },
  { name: 'Quarry Hardware', stage: S.LEAD, daysAgo: 30 },
  { name: 'Redwood Dental Lab', stage: S.LEAD, daysAgo: 41 },
  { name: 'Spruce Accounting', stage: S.QUALIFIED, daysAgo: 38 },
  { name: 'Tamarack Florist', stage: S.QUALIFIED, daysAgo: 52 },
  { name: 'Umber Print Shop', stage: S.PROPOSAL, daysAgo: 47 },
  { name: 'Valley Auto Repair', stage: S.PROPOSAL, daysAgo: 60 },
  { name: 'Willow Daycare', stage: S.NEGOTIATION, daysAgo: 66 },
  { name: 'Yew Tree Pub', stage: S.CLOSED_WON, daysAgo: 3, plan: 'Business Fiber 500', mrr: '129.00' },
  { name: 'Zinnia Boutique', stage: S.ONBOARDING, daysAgo: 12, plan: 'Fiber 300', mrr: '69.99' },
  { name: 'Acorn Architects', stage: S.ACTIVE, daysAgo: 340, plan: 'Business Fiber 1G', mrr: '450.00', usage: 81 },
  { name: 'Bluebell Bistro', stage: S.ACTIVE, daysAgo: 300, plan: 'Business Fiber 500', mrr: '149.00', usage: 66 },
  { name: 'Chestnut Fitness', stage: S.ACTIVE, daysAgo: 250, plan: 'Business Fiber 500', mrr: '149.00', usage: 72 },
  { name: 'Daisy Travel', stage: S.ACTIVE, daysAgo: 95, plan: 'Fiber 300', mrr: '79.99', troubled: true, usage: 12 },
  { name: 'Ember Glassworks', stage: S.EXPANSION, daysAgo: 280, plan: 'Dedicated 2G', mrr: '899.00', usage: 93 },
  { name: 'Foxglove Realty', stage: S.AT_RISK, daysAgo: 210, plan: 'Business Fiber 500', mrr: '149.00', troubled: true, usage: 18 },
  { name: 'Gorse Garden Centre', stage: S.CHURNED, daysAgo: 320, plan: 'Fiber 300', mrr: '79.99' },
  { name: 'Heather Hotel', stage: S.CHURNED, daysAgo: 180, plan: 'Business Fiber 1G', mrr: '450.00' },
  { name: 'Iris Optics', stage: S.CHURNED, daysAgo: 75, lost: true },
  { name: 'Jasmine Spa', stage: S.REACTIVATION, daysAgo: 330, plan: 'Fiber 300', mrr: '79.99' },
];

const SECOND_PARTNER: DemoCustomer[] = [
  { name: 'Kite Logistics', stage: S.LEAD, daysAgo: 18 },
  { name: 'Lantern Media', stage: S.PROPOSAL, daysAgo: 40 },
  { name: 'Mosaic Clinic', stage: S.ACTIVE, daysAgo: 200, plan: 'Dedicated 2G', mrr: '899.00', usage: 77 },
  { name: 'Nimbus Software', stage: S.EXPANSION, daysAgo: 260, plan: 'Dedicated 5G', mrr: '1299.00', usage: 88 },
  { name: 'Opal Insurance', stage: S.CHURNED, daysAgo: 150, plan: 'Business Fiber 500', mrr: '149.00' },
];

/**
 * The demo's customer portfolio: every lifecycle stage, signups spread over a year (for cohorts),
 * interactions with follow-ups, lifecycle tasks, and health scores. Customers and interactions go
 * through the real services; only the transitions' dates are moved into the past (a seed cannot
 * wait a year), with each path following the transition table.
 */
export async function seedDemoCustomers(asAdmin: () => Context, resellers: { code: string; id: string }[], today: string) {
  const next = random(2026);
  const all = [
    ...FIRST_PARTNER.map((customer) => ({ ...customer, reseller: resellers[0]! })),
    ...SECOND_PARTNER.map((customer) => ({ ...customer, reseller: resellers[1] ?? resellers[0]! })),
  ].map((customer, index) => ({ ...customer, externalId: `CUST-${2001 + index}` }));
  await upsertCustomers(
    asAdmin(),
    all.map((customer) => ({
      externalId: customer.externalId,
      name: customer.name,
      email: `${customer.name.toLowerCase().replace(/[^a-z]+/g, '.')}@customers.example`,
      stage: customer.stage,
      servicePlan: customer.plan ?? null,
      mrr: customer.mrr ?? null,
      signupDate: customer.plan ? addDaysToDate(today, -customer.daysAgo) : null,
      usagePercent: customer.usage ?? null,
      resellerCode: customer.reseller.code,
      assignedSince: addDaysToDate(today, -Math.max(customer.daysAgo, 1) - 30),
    })),
  );

  // Back-date every customer's lifecycle (the commission customers' too): one row per step.
  const ctx = asAdmin();
  // The demo partners' customers only: the generated partners' customers have their own history.
  const customers = await ctx.em.find(Customer, { reseller: { $in: resellers.map((reseller) => reseller.id) } }, { orderBy: { externalId: 'asc' } });
  const plannedBy = new Map(all.map((customer) => [customer.externalId, customer]));
  await ctx.em.transactional(async (tx) => {
    const ids = customers.map((customer) => customer.id);
    await tx.nativeDelete(CustomerStageTransition, { customer: { $in: ids } });
    const tasks = await tx.find(CustomerTask, { customer: { $in: ids } });
    for (const customer of customers) {
      const planned = plannedBy.get(customer.externalId);
      const signedDaysAgo = planned?.daysAgo ?? Math.round((Date.parse(today) - Date.parse(customer.signupDate ?? today)) / 86_400_000);
      const path = pathTo(customer.stage, planned?.lost ?? false);
      const dates = pathDays(path, signedDaysAgo, next).map((offset) => addDaysToDate(today, offset));
      path.forEach((stage, index) => {
        tx.create(CustomerStageTransition, {
          tenant: customer.tenant,
          customer,
          fromStage: index === 0 ? null : path[index - 1]!,
          toStage: stage,
          at: new Date(`${dates[index]}T${String(9 + (index % 8)).padStart(2, '0')}:30:00Z`),
          actor: index === 0 ? 'crm sync' : 'rita@riverside-connect.example',
          reason: index === 0 ? 'Imported from the CRM' : null,
        });
      });
      customer.stageEnteredAt = new Date(`${dates[dates.length - 1]}T12:00:00Z`);
      // Stage tasks fall due from the stage's entry: old ones were done, recent ones are open.
      for (const task of tasks.filter((t) => t.customer.id === customer.id)) {
        const action = STAGE_ACTIONS[task.stage]?.find((a) => a.type === task.type);
        task.dueDate = addDaysToDate(dates[dates.length - 1]!, action?.dueInDays ?? 7);
        if (task.dueDate < addDaysToDate(today, -10)) {
          task.status = CustomerTaskStatus.DONE;
          task.completedAt = new Date(`${addDaysToDate(task.dueDate, -1)}T15:00:00Z`);
          task.completedBy = 'rita@riverside-connect.example';
          task.note = 'Done';
        }
      }
    }
  });

  // Interactions through the real service: signed customers get recent contact, troubled ones complain.
  const contacted = customers.filter((customer) => customer.stage !== S.PROSPECT);
  for (const [index, customer] of contacted.entries()) {
    const planned = plannedBy.get(customer.externalId);
    const contacts: [InteractionType, InteractionOutcome, number | null][] = planned?.troubled
      ? [
          [InteractionType.TECHNICAL_ISSUE, InteractionOutcome.UNRESOLVED, 3],
          [InteractionType.COMPLAINT, InteractionOutcome.NEGATIVE, 2],
          [InteractionType.SUPPORT_TICKET, InteractionOutcome.RESOLVED, 4],
          [InteractionType.COMPLAINT, InteractionOutcome.NEGATIVE, 2],
        ]
      : [
          [InteractionType.SALES_CALL, InteractionOutcome.POSITIVE, 8],
          [index % 3 === 0 ? InteractionType.TRAINING : InteractionType.MEETING, InteractionOutcome.POSITIVE, 9],
          [index % 4 === 0 ? InteractionType.BILLING_INQUIRY : InteractionType.COMPLIMENT, InteractionOutcome.RESOLVED, 8],
        ];
    for (const [n, [type, outcome, satisfaction]] of contacts.entries()) {
      const daysAgo = planned?.troubled ? 5 + n * 9 : 10 + n * 35 + (index % 5) * 4;
      const followUp = n === 0 && index % 3 === 0 ? addDaysToDate(today, (index % 6) - 2) : null;
      await logCustomerInteraction(asAdmin(), {
        customerId: customer.id,
        type,
        occurredOn: addDaysToDate(today, -daysAgo),
        durationMinutes: 15 + ((index + n) % 4) * 15,
        outcome,
        satisfaction,
        notes: planned?.troubled ? 'Intermittent outages in the evenings; customer is unhappy.' : 'Regular contact, all well.',
        followUpOn: followUp,
      });
    }
  }
  await recomputeCustomerHealth(asAdmin());
}
