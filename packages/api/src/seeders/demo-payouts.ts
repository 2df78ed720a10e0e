import { contextFor, type AppServices, type Context } from '../app/context.js';
import type { Actor } from '../auth/actor.js';
import { Role } from '../auth/roles.js';
import { User } from '../auth/user.entity.js';
import { Payment } from '../modules/payouts/payment-batch.entity.js';
import { approvePaymentBatch, createPaymentBatch } from '../modules/payouts/payment-batch.service.js';
import { exportPaymentBatch, markPaymentSettled } from '../modules/payouts/payment-export.service.js';
import { BankAccountType } from '../modules/payouts/payout-account.entity.js';
import { setMyPayoutAccount, verifyPayoutAccount } from '../modules/payouts/payout-account.service.js';
import { Tenant } from '../modules/tenants/tenant.entity.js';

export interface DemoActors {
  asAdmin: () => Context;
  asFinance: () => Context;
  /** A context for a reseller's owner user (the one who may set bank details). */
  asOwner: (user: User) => Context;
  /** The app with its clock set to a past moment (the batch happened weeks ago). */
  app: AppServices;
  admin: Actor;
  finance: Actor;
}

/**
 * Payout demo data through the real services: the tenant's ACH identities, verified bank details
 * for both partners (entered by their owners), and one batch drafted by finance, approved by the
 * admin (four eyes), exported and settled — so the portal has statements and the admin console a
 * history. Approved lines of the last closed month stay unpaid, ready for the next batch.
 */
export async function seedDemoPayouts(actors: DemoActors, resellerIds: string[], paidThrough: string) {
  const em = actors.asAdmin().em;
  const tenant = (await em.findOne(Tenant, { id: actors.asAdmin().actor!.tenantId }))!;
  tenant.ach = {
    immediateDestination: '021000021',
    immediateDestinationName: 'JPMorgan Chase Bank',
    immediateOrigin: '1841234567',
    immediateOriginName: tenant.name,
    companyName: tenant.name,
    companyId: '1841234567',
    odfiRouting: '021000021',
  };
  await em.flush();

  const accounts = [
    { holderName: 'Riverside Connect LLC', routingNumber: '011000015', accountNumber: '004417889012', accountType: BankAccountType.CHECKING },
    { holderName: 'Summit Business IT Inc.', routingNumber: '091000019', accountNumber: '7730019925', accountType: BankAccountType.CHECKING },
  ];
  for (const [index, resellerId] of resellerIds.entries()) {
    const owner = await em.findOneOrFail(User, { reseller: resellerId, role: Role.RESELLER_OWNER }, { orderBy: { createdAt: 'asc' } });
    await setMyPayoutAccount(actors.asOwner(owner), accounts[index]!);
    await verifyPayoutAccount(actors.asFinance(), resellerId);
  }

  // The batch ran on the 10th of the month after `paidThrough` and the bank settled it 4 days later.
  const [year, month] = paidThrough.split('-').map(Number) as [number, number];
  const at = (day: number, actor: Actor) => contextFor({ ...actors.app, clock: { now: () => new Date(Date.UTC(year, month, day, 15)) } }, actor);
  const batch = await createPaymentBatch(at(10, actors.finance), { period: paidThrough });
  await approvePaymentBatch(at(10, actors.admin), batch.id);
  await exportPaymentBatch(at(10, actors.finance), { batchId: batch.id });
  for (const payment of await actors.asFinance().em.find(Payment, { batch: batch.id })) await markPaymentSettled(at(14, actors.finance), payment.id);
}
