import { contextFor, type AppServices, type Context } from '../app/context.js';
import type { Actor } from '../auth/actor.js';
import { addDaysToDate } from '../shared/period.js';
import { AlertStatus, InterventionType, PartnerAlert } from '../modules/success/success.entity.js';
import { planIntervention, recomputePartnerHealth, recordSatisfactionSurvey, setPartnerTargets } from '../modules/success/success.service.js';

/**
 * Partner-success demo data through the real services: targets sized to the demo's revenue,
 * satisfaction surveys, and a weekly recompute over the last twelve weeks (each run on a clock
 * set to that day, so the trend charts show what the scoring said then, alerts opening and
 * resolving as the data changed), then an intervention planned from an open alert.
 */
export async function seedDemoSuccess(app: AppServices, admin: Actor, resellerIds: string[], today: string) {
  const asAdmin = () => contextFor(app, admin);
  await setPartnerTargets(asAdmin(), { resellerId: resellerIds[0]!, revenueTarget: '2000.00', newCustomersPerMonth: 3 });
  await recordSatisfactionSurvey(asAdmin(), { resellerId: resellerIds[0]!, rating: 4, surveyedOn: addDaysToDate(today, -40), comment: 'Happy with the support desk; wants faster installation dates.' });
  if (resellerIds[1]) await recordSatisfactionSurvey(asAdmin(), { resellerId: resellerIds[1], rating: 3, surveyedOn: addDaysToDate(today, -25), comment: 'Commission statements arrive late.' });
  for (let weeks = 12; weeks >= 0; weeks--) {
    const day = new Date(`${addDaysToDate(today, -7 * weeks)}T02:00:00Z`);
    const then: AppServices = { ...app, clock: { now: () => day } };
    await recomputePartnerHealth(contextFor(then, admin));
  }
  const ctx: Context = asAdmin();
  const alert = await ctx.em.findOne(PartnerAlert, { status: AlertStatus.OPEN, reseller: { $in: resellerIds } }, { orderBy: { createdAt: 'desc' } });
  if (alert) await planIntervention(asAdmin(), { alertId: alert.id, type: InterventionType.CHECK_IN_CALL, owner: 'Pat Partner-Manager', dueDate: addDaysToDate(today, 5), notes: 'Walk through the pipeline and the overdue follow-ups.' });
}
