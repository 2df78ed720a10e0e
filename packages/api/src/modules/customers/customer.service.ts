import type { Context } from '../../app/context.js';
import { isDate } from '../../shared/period.js';
import { checkBatchSize, refuseIfRowErrors, type RowError } from '../../shared/row-errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { CustomerAssignment } from './customer-assignment.entity.js';
import { Customer } from './customer.entity.js';
import type { CustomerUpsertInput } from './customer.inputs.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Bulk upsert keyed by the ISP's external id (SPEC §3): one read of the existing customers and
 * resellers, one flush of all changes. A new reseller code closes the current assignment and opens
 * a new one from `assignedSince` (audited); the same code again changes nothing.
 */
export async function upsertCustomers(ctx: Context, rows: CustomerUpsertInput[]) {
  checkBatchSize('customers', rows.length);
  const tenant = await actorTenant(ctx);
  const today = ctx.app.clock.now().toISOString().slice(0, 10);
  const errors: RowError[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const externalId = row.externalId?.trim() ?? '';
    if (!externalId || externalId.length > 100) errors.push({ index, field: 'externalId', message: 'Required, at most 100 characters' });
    else if (seen.has(externalId)) errors.push({ index, field: 'externalId', message: `Duplicate of an earlier row (${externalId})` });
    seen.add(externalId);
    if (!row.name?.trim() || row.name.length > 200) errors.push({ index, field: 'name', message: 'Required, at most 200 characters' });
    if (row.email && !EMAIL.test(row.email.trim())) errors.push({ index, field: 'email', message: 'Not a valid email address' });
    if (row.assignedSince && !isDate(row.assignedSince)) errors.push({ index, field: 'assignedSince', message: 'Use a date YYYY-MM-DD' });
  });
  const codes = [...new Set(rows.map((row) => row.resellerCode?.trim()).filter((code): code is string => !!code))];
  const resellers = new Map((await ctx.em.find(Reseller, { code: { $in: codes } })).map((reseller) => [reseller.code, reseller]));
  rows.forEach((row, index) => {
    const code = row.resellerCode?.trim();
    if (code && !resellers.has(code)) errors.push({ index, field: 'resellerCode', message: `No reseller ${code}` });
  });
  refuseIfRowErrors('customers', errors);

  return ctx.em.transactional(async (tx) => {
    const existing = new Map((await tx.find(Customer, { externalId: { $in: [...seen] } })).map((customer) => [customer.externalId, customer]));
    const open = new Map(
      (await tx.find(CustomerAssignment, { customer: { $in: [...existing.values()] }, toDate: null })).map((assignment) => [assignment.customer.id, assignment]),
    );
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const [index, row] of rows.entries()) {
      const externalId = row.externalId.trim();
      const name = row.name.trim();
      const email = row.email?.trim().toLowerCase() || null;
      const reseller = row.resellerCode ? resellers.get(row.resellerCode.trim())! : undefined;
      let customer = existing.get(externalId);
      let changed = false;
      if (!customer) {
        customer = tx.create(Customer, { tenant, externalId, name, email });
        created++;
      } else if (customer.name !== name || customer.email !== email) {
        customer.name = name;
        customer.email = email;
        changed = true;
      }
      if (reseller && customer.reseller?.id !== reseller.id) {
        const since = row.assignedSince ?? today;
        const current = open.get(customer.id);
        if (current && since <= current.fromDate) {
          refuseIfRowErrors('customers', [{ index, field: 'assignedSince', message: `Must be after the current assignment's start (${current.fromDate})` }]);
        }
        if (current) current.toDate = since;
        tx.create(CustomerAssignment, { tenant, customer, reseller, fromDate: since, reason: 'Assigned by the ISP system (upsertCustomers)' });
        recordAudit(tx, tenant, ctx.actor, {
          action: current ? 'customer.reassigned' : 'customer.assigned',
          entityType: 'Customer',
          entityId: customer.id,
          data: { externalId, from: current?.reseller.id ?? null, to: reseller.id, since },
        });
        customer.reseller = reseller;
        changed = true;
      }
      if (existing.has(externalId)) {
        if (changed) updated++;
        else unchanged++;
      }
    }
    return { created, updated, unchanged };
  });
}
