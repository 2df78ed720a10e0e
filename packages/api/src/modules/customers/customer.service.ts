import { transactionalOrDryRun } from '../../db/dry-run.js';
import type { Context } from '../../app/context.js';
import { isDate } from '../../shared/period.js';
import { checkBatchSize, refuseIfRowErrors, rowMoney, type RowError } from '../../shared/row-errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Reseller } from '../resellers/reseller.entity.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { changeAssignment } from './assignment.service.js';
import { CustomerTask, CustomerTaskStatus } from './customer-history.entity.js';
import { CustomerAssignment } from './customer-assignment.entity.js';
import { Customer } from './customer.entity.js';
import type { CustomerUpsertInput } from './customer.inputs.js';
import { CustomerStage, refusalOf, STAGES } from './lifecycle.js';
import { enterStage } from './lifecycle.service.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A checked upsert row: optional fields are undefined when the row leaves them as they are. */
export interface ParsedCustomerRow {
  externalId: string;
  name: string;
  email?: string | null;
  servicePlan?: string | null;
  mrrCents?: bigint;
  signupDate?: string;
  stage?: CustomerStage;
  usagePercent?: number;
  resellerCode?: string;
  assignedSince?: string;
}

/** Checks the fields of every row on their own (no database); collects every problem. */
export function parseCustomerRows(rows: CustomerUpsertInput[]): { rows: ParsedCustomerRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const seen = new Set<string>();
  const parsed = rows.map((row, index): ParsedCustomerRow => {
    const error = (field: string, message: string) => errors.push({ index, field, message });
    const externalId = row.externalId?.trim() ?? '';
    if (!externalId || externalId.length > 100) error('externalId', 'Required, at most 100 characters');
    else if (seen.has(externalId)) error('externalId', `Duplicate of an earlier row (${externalId})`);
    seen.add(externalId);
    const name = row.name?.trim() ?? '';
    if (!name || name.length > 200) error('name', 'Required, at most 200 characters');
    const email = row.email?.trim().toLowerCase() || undefined;
    if (email && (!EMAIL.test(email) || email.length > 254)) error('email', 'Not a valid email address');
    const servicePlan = row.servicePlan?.trim() || undefined;
    if (servicePlan && servicePlan.length > 100) error('servicePlan', 'At most 100 characters');
    const mrrCents = rowMoney(row.mrr?.trim(), index, 'mrr', errors) ?? undefined;
    if (mrrCents !== undefined && mrrCents < 0n) error('mrr', 'Cannot be negative');
    const signupDate = row.signupDate?.trim() || undefined;
    if (signupDate && !isDate(signupDate)) error('signupDate', 'Use a date YYYY-MM-DD');
    const stage = row.stage ?? undefined;
    if (stage !== undefined && !STAGES.includes(stage)) error('stage', `One of ${STAGES.join(', ')}`);
    const usagePercent = row.usagePercent ?? undefined;
    if (usagePercent !== undefined && (!Number.isInteger(usagePercent) || usagePercent < 0 || usagePercent > 100)) error('usagePercent', 'A whole number from 0 to 100');
    const assignedSince = row.assignedSince?.trim() || undefined;
    if (assignedSince && !isDate(assignedSince)) error('assignedSince', 'Use a date YYYY-MM-DD');
    const resellerCode = row.resellerCode?.trim() || undefined;
    return { externalId, name, email, servicePlan, mrrCents, signupDate, stage, usagePercent, resellerCode, assignedSince };
  });
  return { rows: parsed, errors };
}

export type UpsertAction = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';

export interface UpsertResult {
  actions: UpsertAction[];
  errors: RowError[];
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Bulk upsert keyed by the ISP's external id (SPEC §3), the one mechanism behind the GraphQL
 * upsert and the CSV import: every row is checked first (fields, reseller codes, lifecycle moves)
 * and any problem refuses the whole batch; then one transaction writes it. A new reseller code
 * closes the current assignment and opens a new one from `assignedSince`; a different stage is a
 * recorded lifecycle move. `dryRun` answers what each row would do (with the rows' errors instead of a refusal) inside a
 * transaction that is rolled back, so the preview runs exactly the code the import will.
 */
export async function upsertCustomers(ctx: Context, input: CustomerUpsertInput[], options: { dryRun?: boolean } = {}): Promise<UpsertResult> {
  checkBatchSize('customers', input.length);
  const tenant = await actorTenant(ctx);
  const now = ctx.app.clock.now();
  const today = now.toISOString().slice(0, 10);
  const { rows, errors } = parseCustomerRows(input);
  const codes = [...new Set(rows.map((row) => row.resellerCode).filter((code): code is string => !!code))];
  const resellers = new Map((await ctx.em.find(Reseller, { code: { $in: codes } })).map((reseller) => [reseller.code, reseller]));

  return transactionalOrDryRun(ctx.em, !!options.dryRun, async (tx) => {
    const existing = new Map((await tx.find(Customer, { externalId: { $in: rows.map((row) => row.externalId) } })).map((customer) => [customer.externalId, customer]));
    const customers = [...existing.values()];
    const open = new Map((await tx.find(CustomerAssignment, { customer: { $in: customers }, toDate: null })).map((assignment) => [assignment.customer.id, assignment]));
    const openTasks = await tx.find(CustomerTask, { customer: { $in: customers }, status: CustomerTaskStatus.OPEN });
    rows.forEach((row, index) => {
      const current = existing.get(row.externalId);
      if (row.resellerCode && !resellers.has(row.resellerCode)) errors.push({ index, field: 'resellerCode', message: `No reseller ${row.resellerCode}` });
      const assignment = current && open.get(current.id);
      if (row.resellerCode && assignment && assignment.reseller.id !== resellers.get(row.resellerCode)?.id && (row.assignedSince ?? today) <= assignment.fromDate) {
        errors.push({ index, field: 'assignedSince', message: `Must be after the current assignment's start (${assignment.fromDate})` });
      }
      const refusal = current && row.stage && row.stage !== current.stage ? refusalOf(current.stage, row.stage) : null;
      if (refusal) errors.push({ index, field: 'stage', message: refusal });
    });
    if (!options.dryRun) refuseIfRowErrors('customers', errors);
    const failed = new Set(errors.map((error) => error.index));

    const actions: UpsertAction[] = [];
    for (const [index, row] of rows.entries()) {
      if (failed.has(index)) {
        actions.push('ERROR');
        continue;
      }
      let customer = existing.get(row.externalId);
      const isNew = !customer;
      let changed = false;
      if (!customer) {
        customer = tx.create(Customer, {
          tenant,
          externalId: row.externalId,
          name: row.name,
          email: row.email ?? null,
          servicePlan: row.servicePlan ?? null,
          mrrCents: String(row.mrrCents ?? 0n),
          signupDate: row.signupDate ?? null,
          usagePercent: row.usagePercent ?? null,
        });
        enterStage(tx, tenant, customer, { from: null, to: row.stage ?? CustomerStage.PROSPECT, mover: { actor: ctx.actor! }, reason: 'Created by upsertCustomers', at: now, openTasks: [] });
        recordAudit(tx, tenant, ctx.actor, { action: 'customer.created', entityType: 'Customer', entityId: customer.id, data: { externalId: row.externalId, stage: customer.stage } });
      } else {
        const updates: Partial<Customer> = { name: row.name };
        if (row.email !== undefined) updates.email = row.email;
        if (row.servicePlan !== undefined) updates.servicePlan = row.servicePlan;
        if (row.mrrCents !== undefined) updates.mrrCents = String(row.mrrCents);
        if (row.signupDate !== undefined) updates.signupDate = row.signupDate;
        if (row.usagePercent !== undefined) updates.usagePercent = row.usagePercent;
        for (const [key, value] of Object.entries(updates) as [keyof Customer, never][]) {
          // bigint columns can come back as strings; compare as text.
          if (String(customer[key]) !== String(value)) {
            customer[key] = value;
            changed = true;
          }
        }
        if (row.stage && row.stage !== customer.stage) {
          const tasks = openTasks.filter((task) => task.customer.id === customer!.id);
          enterStage(tx, tenant, customer, { from: customer.stage, to: row.stage, mover: { actor: ctx.actor! }, reason: 'Updated by upsertCustomers', at: now, openTasks: tasks });
          changed = true;
        }
      }
      const reseller = row.resellerCode ? resellers.get(row.resellerCode)! : undefined;
      if (reseller && customer.reseller?.id !== reseller.id) {
        changeAssignment(tx, tenant, ctx.actor, { customer, reseller, since: row.assignedSince ?? today, reason: 'Assigned by the ISP system (upsertCustomers)', current: open.get(customer.id) });
        changed = true;
      }
      actions.push(isNew ? 'CREATE' : changed ? 'UPDATE' : 'UNCHANGED');
    }
    const result: UpsertResult = {
      actions,
      errors,
      created: actions.filter((action) => action === 'CREATE').length,
      updated: actions.filter((action) => action === 'UPDATE').length,
      unchanged: actions.filter((action) => action === 'UNCHANGED').length,
    };
    return result;
  });
}
