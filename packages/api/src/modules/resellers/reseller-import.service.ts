import { transactionalOrDryRun } from '../../db/dry-run.js';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { User } from '../../auth/user.entity.js';
import { readCsv, type CsvLayout } from '../../shared/csv-import.js';
import { conflict } from '../../shared/errors.js';
import { checkBatchSize, refuseIfRowErrors, type RowError } from '../../shared/row-errors.js';
import { email, phone, requiredText, website } from '../../shared/validation.js';
import { BusinessType } from '../applications/application.enums.js';
import { recordAudit } from '../audit/audit.service.js';
import { actorTenant } from '../tenants/tenant.service.js';
import { Reseller } from './reseller.entity.js';
import { ResellerStatus, ResellerTier } from './reseller.enums.js';
import type { ResellerUpsertInput } from './reseller.inputs.js';
import { createResellerWithOwner } from './reseller.service.js';

export type { ResellerUpsertInput } from './reseller.inputs.js';

export type ResellerUpsertAction = 'CREATE' | 'UPDATE' | 'UNCHANGED';

export interface ResellerUpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** One per input row, in input order; `row` is the 0-based index (as in rowErrors). */
  rows: { row: number; code: string; action: ResellerUpsertAction }[];
}

const oneOf = (values: readonly string[]) => ({ error: `One of ${values.join(', ')}` });
/** Absent, null and empty are "not given" (an update leaves the field as it is). */
const notGiven = (value: unknown) => (value === null || value === undefined || (typeof value === 'string' && value.trim() === '') ? undefined : value);
const NEW_STATUSES = [ResellerStatus.ONBOARDING, ResellerStatus.ACTIVE] as const;

const rowSchema = z.object({
  code: z.preprocess(notGiven, z.string().trim().max(50, 'At most 50 characters').optional()),
  companyName: requiredText(200),
  legalName: requiredText(200),
  contactName: requiredText(200),
  contactEmail: email(),
  phone: phone(),
  businessType: z.enum(BusinessType, oneOf(Object.values(BusinessType))),
  website: z.preprocess(notGiven, website().optional()),
  tier: z.preprocess(notGiven, z.enum(ResellerTier, oneOf(Object.values(ResellerTier))).optional()),
  status: z.preprocess(notGiven, z.enum(NEW_STATUSES, { error: 'ONBOARDING or ACTIVE (later changes go through updateResellerStatus)' }).optional()),
});

export type ParsedResellerRow = z.output<typeof rowSchema>;

/**
 * Checks the fields of every row on their own (no database) and collects every problem: the
 * shared validators (email, phone, website), a status only on new rows, and no code or contact
 * email twice in the batch.
 */
export function parseResellerRows(rows: ResellerUpsertInput[]): { rows: (ParsedResellerRow | null)[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const codes = new Set<string>();
  const emails = new Set<string>();
  const parsed = rows.map((row, index) => {
    const result = rowSchema.safeParse(row);
    if (!result.success) {
      const fields = new Set<string>();
      for (const issue of result.error.issues) {
        const field = issue.path.join('.') || '_';
        if (!fields.has(field)) errors.push({ index, field, message: issue.message });
        fields.add(field);
      }
      return null;
    }
    const data = result.data;
    if (data.code && data.status) errors.push({ index, field: 'status', message: 'Only for a new reseller: change an existing one\'s status with updateResellerStatus' });
    if (data.code && codes.has(data.code)) errors.push({ index, field: 'code', message: `Duplicate of an earlier row (${data.code})` });
    if (emails.has(data.contactEmail)) errors.push({ index, field: 'contactEmail', message: `Duplicate of an earlier row (${data.contactEmail})` });
    if (data.code) codes.add(data.code);
    emails.add(data.contactEmail);
    return data;
  });
  return { rows: parsed, errors };
}

const UPDATABLE = ['companyName', 'legalName', 'contactName', 'contactEmail', 'phone', 'businessType', 'website', 'tier'] as const;

/**
 * Bulk create-or-update of resellers, for migrating partners from a legacy system; the one
 * mechanism behind `upsertResellers`, `importResellersCsv` and the command line. A row with a `code`
 * updates that reseller (an unknown code is a row error; its status is not changed here); a row
 * without one creates a reseller exactly as approval does (`createResellerWithOwner`: the next
 * RS-###### code under the tenant lock, the onboarding checklist while ONBOARDING, the contact
 * invited as RESELLER_OWNER with the set-password email), so a contact email that already has a user
 * is a row error. All or nothing: every row is checked first and any problem refuses the batch
 * (BAD_USER_INPUT with rowErrors), in a dry run too. `dryRun` runs the same code, flush included, in
 * a transaction that is rolled back, and answers what would happen (with the codes new resellers
 * would get). Audited per reseller: `reseller.created` + `user.invited`, or `reseller.updated` with
 * the changed fields.
 */
export async function upsertResellers(ctx: Context, input: ResellerUpsertInput[], options: { dryRun?: boolean } = {}): Promise<ResellerUpsertResult> {
  checkBatchSize('resellers', input.length);
  const tenant = await actorTenant(ctx);
  const now = ctx.app.clock.now();
  const { rows, errors } = parseResellerRows(input);

  const work = transactionalOrDryRun(ctx.em, !!options.dryRun, async (tx) => {
    const codes = rows.flatMap((row) => (row?.code ? [row.code] : []));
    const existing = new Map((await tx.find(Reseller, { code: { $in: codes } })).map((reseller) => [reseller.code, reseller]));
    const newEmails = rows.flatMap((row) => (row && !row.code ? [row.contactEmail] : []));
    const users = new Set((await tx.find(User, { email: { $in: newEmails } })).map((user) => user.email));
    rows.forEach((row, index) => {
      if (!row) return;
      const reseller = row.code ? existing.get(row.code) : undefined;
      if (row.code && !reseller) errors.push({ index, field: 'code', message: `No reseller ${row.code}` });
      if (!row.code && users.has(row.contactEmail)) errors.push({ index, field: 'contactEmail', message: `A user with the email ${row.contactEmail} already exists` });
      if (reseller?.status === ResellerStatus.TERMINATED && row.tier && row.tier !== reseller.tier) errors.push({ index, field: 'tier', message: `${reseller.code} is terminated: its tier is final` });
    });
    refuseIfRowErrors('resellers', errors.sort((a, b) => a.index - b.index));

    const result: ResellerUpsertResult = { created: 0, updated: 0, unchanged: 0, rows: [] };
    for (const [index, row] of (rows as ParsedResellerRow[]).entries()) {
      if (!row.code) {
        const { reseller } = await createResellerWithOwner(
          ctx,
          tx,
          tenant,
          {
            companyName: row.companyName,
            legalName: row.legalName,
            contactName: row.contactName,
            contactEmail: row.contactEmail,
            phone: row.phone,
            website: row.website ?? null,
            businessType: row.businessType,
            territory: [],
            tier: row.tier ?? ResellerTier.BRONZE,
            status: row.status ?? ResellerStatus.ONBOARDING,
          },
          { now, auditData: { source: 'upsertResellers' } },
        );
        result.created++;
        result.rows.push({ row: index, code: reseller.code, action: 'CREATE' });
        continue;
      }
      const reseller = existing.get(row.code)!;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of UPDATABLE) {
        const value = row[field];
        if (value === undefined || reseller[field] === value) continue;
        changes[field] = { from: reseller[field], to: value };
        (reseller as unknown as Record<string, unknown>)[field] = value;
      }
      const changed = Object.keys(changes).length > 0;
      if (changed) recordAudit(tx, tenant, ctx.actor, { action: 'reseller.updated', entityType: 'Reseller', entityId: reseller.id, data: { code: reseller.code, source: 'upsertResellers', changes } });
      result[changed ? 'updated' : 'unchanged']++;
      result.rows.push({ row: index, code: reseller.code, action: changed ? 'UPDATE' : 'UNCHANGED' });
    }
    await tx.flush(); // the unique indexes (one user per email) speak here, in a dry run too
    return result;
  });
  try {
    return await work;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('Another change to these resellers or users happened at the same time; try again');
    throw error;
  }
}

type CsvReseller = Record<'code' | 'companyName' | 'legalName' | 'contactName' | 'contactEmail' | 'phone' | 'businessType' | 'website' | 'tier' | 'status', string>;

/**
 * The reseller CSV: header `code,company_name,legal_name,contact_name,contact_email,phone,
 * business_type,website,tier,status` (matched case-insensitively, `_`/`-`/spaces ignored; unknown
 * columns ignored). Required columns: company_name, legal_name, contact_name, contact_email, phone,
 * business_type. An empty code creates a reseller. Enum cells (business_type, tier, status) may be
 * written in any case with spaces or dashes ("non-profit").
 */
const LAYOUT: CsvLayout<CsvReseller> = {
  what: 'resellers',
  columns: {
    code: 'code',
    companyname: 'companyName',
    legalname: 'legalName',
    contactname: 'contactName',
    contactemail: 'contactEmail',
    phone: 'phone',
    businesstype: 'businessType',
    website: 'website',
    tier: 'tier',
    status: 'status',
  },
  required: ['companyName', 'legalName', 'contactName', 'contactEmail', 'phone', 'businessType'],
  expectedHeader: 'code, company_name, legal_name, contact_name, contact_email, phone, business_type, website, tier, status',
};

const enumCell = <T>(value: string | undefined) => (value === undefined ? undefined : (value.toUpperCase().replace(/[\s-]/g, '_') as T));

/**
 * Resellers from CSV into the upsert's input (the shared reader: a malformed file or a missing
 * column refuses the file). Cells that cannot be the field's type become values the upsert's row
 * checks refuse, so a CSV row and a GraphQL row get the same per-row errors.
 */
export function readResellersCsv(csv: string): ResellerUpsertInput[] {
  return readCsv(csv, LAYOUT).map((row) => ({
    code: row.code,
    companyName: row.companyName ?? '',
    legalName: row.legalName ?? '',
    contactName: row.contactName ?? '',
    contactEmail: row.contactEmail ?? '',
    phone: row.phone ?? '',
    businessType: enumCell<BusinessType>(row.businessType) ?? ('' as BusinessType),
    website: row.website,
    tier: enumCell<ResellerTier>(row.tier),
    status: enumCell<ResellerStatus>(row.status),
  }));
}

/** Imports a reseller CSV all or nothing (the same upsert as the API and the command line). */
export async function importResellersCsv(ctx: Context, csv: string, options: { dryRun?: boolean } = {}): Promise<ResellerUpsertResult> {
  return upsertResellers(ctx, readResellersCsv(csv), options);
}
