import { Command } from 'commander';
import { PARTNER_TEAM, STAFF_ROLES } from '../../auth/roles.js';
import { ApplicationStatus } from '../../modules/applications/application.enums.js';
import { approveResellerApplication, getResellerApplication, listResellerApplications, rejectResellerApplication } from '../../modules/applications/reseller-application.service.js';
import { readResellersCsv, upsertResellers } from '../../modules/resellers/reseller-import.service.js';
import { Reseller } from '../../modules/resellers/reseller.entity.js';
import { ResellerStatus, ResellerTier } from '../../modules/resellers/reseller.enums.js';
import { listResellers, setResellerTier, updateResellerStatus } from '../../modules/resellers/reseller.service.js';
import { isUuid } from '../../shared/validation.js';
import { notFound } from '../../shared/errors.js';
import { action, choice, dryRunOption, positiveInteger, readTextFile } from '../command.js';
import { confirmBulk, requireRole, table, type Cli } from '../runtime.js';

/** A reseller named on the command line by its code (RS-000001) or id. */
export async function resellerNamed(cli: Cli, codeOrId: string): Promise<Reseller> {
  const em = cli.ctx().em;
  const reseller = isUuid(codeOrId) ? await em.findOne(Reseller, { id: codeOrId }) : await em.findOne(Reseller, { code: codeOrId.toUpperCase() });
  if (!reseller) throw notFound(`Reseller ${codeOrId}`);
  return reseller;
}

export function applicationsCommand(): Command {
  const command = new Command('applications').description('partner applications: list, approve, reject');
  command
    .command('list')
    .description('list applications, newest first')
    .option('--status <status>', `only this status (${Object.values(ApplicationStatus).join(', ')})`, choice(Object.values(ApplicationStatus)))
    .option('--search <text>', 'company, contact name or email contains')
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .action(
      action(async (cli, options: { status?: ApplicationStatus; search?: string; limit: number }) => {
        requireRole(cli, STAFF_ROLES);
        const page = await listResellerApplications(cli.ctx(), { status: options.status ? [options.status] : null, search: options.search ?? null }, null, { first: Math.min(options.limit, 100) });
        const rows = page.nodes.map((application) => ({ id: application.id, status: application.status, companyName: application.companyName, contactEmail: application.contactEmail, submittedAt: application.createdAt.toISOString() }));
        cli.print.result({ totalCount: page.totalCount, applications: rows }, () =>
          rows.length ? table(['ID', 'STATUS', 'COMPANY', 'CONTACT', 'SUBMITTED'], rows.map((row) => [row.id, row.status, row.companyName, row.contactEmail, row.submittedAt.slice(0, 10)])) : 'No applications.',
        );
      }),
    );
  command
    .command('approve')
    .description('approve an application: creates the reseller and invites its owner')
    .argument('<id>', 'application id')
    .option('--tier <tier>', `starting tier (${Object.values(ResellerTier).join(', ')})`, choice(Object.values(ResellerTier)))
    .option('--note <text>', 'note kept with the decision')
    .action(
      action(async (cli, id: string, options: { tier?: ResellerTier; note?: string }) => {
        requireRole(cli, PARTNER_TEAM);
        await getResellerApplication(cli.ctx(), id);
        const result = await approveResellerApplication(cli.ctx(), { applicationId: id, tier: options.tier ?? null, note: options.note ?? null });
        const reseller = result.reseller;
        cli.print.result({ applicationId: id, resellerId: reseller.id, code: reseller.code, alreadyApproved: result.alreadyApproved }, () =>
          result.alreadyApproved ? `Already approved: reseller ${reseller.code}.` : `Approved: reseller ${reseller.code} (${reseller.companyName}); the owner's invitation is in the outbox.`,
        );
      }),
    );
  command
    .command('reject')
    .description('reject an application with a reason (emailed to the applicant)')
    .argument('<id>', 'application id')
    .requiredOption('--reason <text>', 'why (the applicant reads it)')
    .action(
      action(async (cli, id: string, options: { reason: string }) => {
        requireRole(cli, PARTNER_TEAM);
        const application = await rejectResellerApplication(cli.ctx(), { applicationId: id, reason: options.reason });
        cli.print.result({ applicationId: application.id, status: application.status }, () => `Rejected ${application.companyName}.`);
      }),
    );
  return command;
}

export function resellersCommand(): Command {
  const command = new Command('resellers').description('resellers: list, show, set-status, set-tier, import');
  command
    .command('list')
    .description('list resellers, newest first')
    .option('--status <status>', `only this status (${Object.values(ResellerStatus).join(', ')})`, choice(Object.values(ResellerStatus)))
    .option('--tier <tier>', `only this tier (${Object.values(ResellerTier).join(', ')})`, choice(Object.values(ResellerTier)))
    .option('--search <text>', 'code, company, contact name or email contains')
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .action(
      action(async (cli, options: { status?: ResellerStatus; tier?: ResellerTier; search?: string; limit: number }) => {
        requireRole(cli, STAFF_ROLES);
        const page = await listResellers(cli.ctx(), { status: options.status ? [options.status] : null, tier: options.tier ? [options.tier] : null, search: options.search ?? null }, { first: Math.min(options.limit, 100) });
        const rows = page.nodes.map((reseller) => ({ id: reseller.id, code: reseller.code, companyName: reseller.companyName, status: reseller.status, tier: reseller.tier, contactEmail: reseller.contactEmail }));
        cli.print.result({ totalCount: page.totalCount, resellers: rows }, () =>
          rows.length ? table(['CODE', 'COMPANY', 'STATUS', 'TIER', 'CONTACT'], rows.map((row) => [row.code, row.companyName, row.status, row.tier, row.contactEmail])) : 'No resellers.',
        );
      }),
    );
  command
    .command('show')
    .description('one reseller in full')
    .argument('<code>', 'reseller code (RS-000001) or id')
    .action(
      action(async (cli, code: string) => {
        requireRole(cli, STAFF_ROLES);
        const reseller = await resellerNamed(cli, code);
        const view = {
          id: reseller.id,
          code: reseller.code,
          companyName: reseller.companyName,
          legalName: reseller.legalName,
          status: reseller.status,
          tier: reseller.tier,
          contactName: reseller.contactName,
          contactEmail: reseller.contactEmail,
          phone: reseller.phone,
          website: reseller.website,
          createdAt: reseller.createdAt.toISOString(),
        };
        cli.print.result(view, () => table(['FIELD', 'VALUE'], Object.entries(view).map(([field, value]) => [field, value])));
      }),
    );
  command
    .command('set-status')
    .description('change a reseller’s status (audited with the reason)')
    .argument('<code>', 'reseller code or id')
    .argument('<status>', Object.values(ResellerStatus).join(' | '), choice(Object.values(ResellerStatus)))
    .requiredOption('--reason <text>', 'why (kept in the audit trail)')
    .action(
      action(async (cli, code: string, status: ResellerStatus, options: { reason: string }) => {
        requireRole(cli, PARTNER_TEAM);
        const reseller = await resellerNamed(cli, code);
        const updated = await updateResellerStatus(cli.ctx(), { resellerId: reseller.id, status, reason: options.reason });
        cli.print.result({ code: updated.code, status: updated.status }, () => `${updated.code} is now ${updated.status}.`);
      }),
    );
  command
    .command('set-tier')
    .description('change a reseller’s tier (audited with the reason)')
    .argument('<code>', 'reseller code or id')
    .argument('<tier>', Object.values(ResellerTier).join(' | '), choice(Object.values(ResellerTier)))
    .requiredOption('--reason <text>', 'why (kept in the audit trail)')
    .action(
      action(async (cli, code: string, tier: ResellerTier, options: { reason: string }) => {
        requireRole(cli, PARTNER_TEAM);
        const reseller = await resellerNamed(cli, code);
        const updated = await setResellerTier(cli.ctx(), { resellerId: reseller.id, tier, reason: options.reason });
        cli.print.result({ code: updated.code, tier: updated.tier }, () => `${updated.code} is now ${updated.tier}.`);
      }),
    );
  command
    .command('import')
    .description('create or update resellers from a CSV file (all rows or none)')
    .argument('<file>', 'CSV with a header: code,company_name,legal_name,contact_name,contact_email,phone,business_type,website,tier,status')
    .addOption(dryRunOption())
    .action(
      action(async (cli, file: string, options: { dryRun?: boolean }) => {
        requireRole(cli, PARTNER_TEAM);
        const rows = readResellersCsv(readTextFile(file));
        const preview = await upsertResellers(cli.ctx(), rows, { dryRun: true });
        const changes = preview.created + preview.updated;
        if (!options.dryRun) confirmBulk(cli, changes, 'resellers');
        const result = options.dryRun ? preview : await upsertResellers(cli.ctx(), rows);
        cli.print.result({ dryRun: !!options.dryRun, ...result }, () =>
          [
            `${options.dryRun ? 'Would create' : 'Created'} ${result.created}, ${options.dryRun ? 'would update' : 'updated'} ${result.updated}, unchanged ${result.unchanged}.`,
            table(['ROW', 'CODE', 'ACTION'], result.rows.map((row) => [row.row + 1, row.code, row.action])),
          ].join('\n'),
        );
      }),
    );
  return command;
}
