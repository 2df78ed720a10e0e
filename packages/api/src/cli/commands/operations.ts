import { Command } from 'commander';
import { PARTNER_TEAM, Role, STAFF_ROLES } from '../../auth/roles.js';

const ADMIN_ONLY = [Role.ADMIN] as const;
import { inviteUser } from '../../auth/user.service.js';
import { automationJobs } from '../../jobs/automation.service.js';
import { JobTrigger } from '../../jobs/job-run.entity.js';
import { WORKFLOWS, workflowNamed } from '../../jobs/workflows.js';
import { recomputeCustomerHealth } from '../../modules/customers/customer-health.service.js';
import { AlertSeverity } from '../../modules/success/alert-rules.js';
import { criticalAlertsWithoutResponse } from '../../modules/success/emergency-response.service.js';
import { AlertStatus, PartnerAlert } from '../../modules/success/success.entity.js';
import { recomputePartnerHealth } from '../../modules/success/success.service.js';
import { seedDemo } from '../../seeders/demo-seeder.js';
import { action, choice, positiveInteger } from '../command.js';
import { Progress, requireRole, table, UsageError } from '../runtime.js';
import { resellerNamed } from './partners.js';

export function healthCommand(): Command {
  const command = new Command('health').description('partner and customer health: recompute');
  command
    .command('recompute')
    .description("score every partner and customer now (what the daily cycle does), raise/resolve alerts, escalate critical ones")
    .action(
      action(async (cli) => {
        requireRole(cli, PARTNER_TEAM);
        const progress = new Progress('health', cli.print.json);
        progress.update(0, 'scoring partners');
        const partners = await recomputePartnerHealth(cli.ctx());
        progress.update(50, 'scoring customers');
        const customers = await recomputeCustomerHealth(cli.ctx());
        progress.update(90, 'critical alerts');
        const critical = await criticalAlertsWithoutResponse(cli.ctx());
        for (const alertId of critical) await cli.app.scheduler.enqueueAfterCommit('emergency-response', cli.tenant.id, { alertId }, cli.actor.label);
        progress.update(100, 'done');
        progress.stop();
        const view = { partners, customers, emergencyResponsesQueued: critical.length };
        cli.print.result(view, () => `Scored ${partners.scored} partners (${partners.alertsOpened} alerts opened, ${partners.alertsResolved} resolved); customers: ${JSON.stringify(customers)}; ${critical.length} critical alerts queued for emergency response.`);
      }),
    );
  return command;
}

export function alertsCommand(): Command {
  const command = new Command('alerts').description('partner alerts: list');
  command
    .command('list')
    .description('alerts, newest first (open and acknowledged unless --status says otherwise)')
    .option('--status <status>', Object.values(AlertStatus).join(' | '), choice(Object.values(AlertStatus)))
    .option('--severity <severity>', Object.values(AlertSeverity).join(' | '), choice(Object.values(AlertSeverity)))
    .option('--reseller <code>', 'only this reseller')
    .option('--limit <n>', 'at most this many', positiveInteger, 50)
    .action(
      action(async (cli, options: { status?: AlertStatus; severity?: AlertSeverity; reseller?: string; limit: number }) => {
        requireRole(cli, STAFF_ROLES);
        const reseller = options.reseller ? await resellerNamed(cli, options.reseller) : null;
        const alerts = await cli.ctx().em.find(
          PartnerAlert,
          {
            status: options.status ?? { $ne: AlertStatus.RESOLVED },
            ...(options.severity ? { severity: options.severity } : {}),
            ...(reseller ? { reseller } : {}),
          },
          { orderBy: { createdAt: 'desc', id: 'desc' }, limit: options.limit, populate: ['reseller'] },
        );
        const rows = alerts.map((alert) => ({ id: alert.id, reseller: alert.reseller.code, severity: alert.severity, status: alert.status, rule: alert.rule, message: alert.message, raisedAt: alert.createdAt.toISOString() }));
        cli.print.result({ alerts: rows }, () =>
          rows.length ? table(['RAISED', 'RESELLER', 'SEVERITY', 'STATUS', 'MESSAGE'], rows.map((row) => [row.raisedAt.slice(0, 16).replace('T', ' '), row.reseller, row.severity, row.status, row.message])) : 'No alerts.',
        );
      }),
    );
  return command;
}

export function jobsCommand(): Command {
  const command = new Command('jobs').description('scheduled workflows: list, run');
  command
    .command('list')
    .description('every workflow with its schedule, next and last run, and failures')
    .action(
      action(async (cli) => {
        requireRole(cli, ADMIN_ONLY);
        const jobs = await automationJobs(cli.ctx());
        const rows = jobs.map((job) => ({
          workflow: job.workflow.name,
          schedule: job.schedule ? `${/^\d+$/.test(job.schedule.repeat_interval ?? '') ? `every ${Number(job.schedule.repeat_interval) / 1000} s` : `${job.schedule.repeat_interval} ${job.timezone}`}${job.schedule.disabled ? ' (paused)' : ''}` : job.workflow.schedule ? 'not scheduled yet (start a worker)' : 'on events',
          nextRunAt: job.schedule && !job.schedule.disabled ? (job.schedule.next_run_at?.toISOString() ?? null) : null,
          lastRun: job.lastRun ? { status: job.lastRun.status, startedAt: job.lastRun.startedAt.toISOString(), durationMs: job.lastRun.durationMs, error: job.lastRun.error } : null,
          lastSuccessAt: job.lastSuccessAt?.toISOString() ?? null,
          failuresLast24h: job.failuresLast24h,
        }));
        cli.print.result({ jobs: rows }, () =>
          table(
            ['WORKFLOW', 'SCHEDULE', 'NEXT RUN', 'LAST RUN', 'FAILURES 24H'],
            rows.map((row) => [row.workflow, row.schedule, row.nextRunAt?.slice(0, 16).replace('T', ' ') ?? '', row.lastRun ? `${row.lastRun.status} ${row.lastRun.startedAt.slice(0, 16).replace('T', ' ')}` : 'never', row.failuresLast24h]),
          ),
        );
      }),
    );
  command
    .command('run')
    .description('run a workflow now, here (recorded like any run); --queue leaves it to the workers instead')
    .argument('<workflow>', WORKFLOWS.map((workflow) => workflow.name).join(' | '))
    .option('--queue', 'queue it for a worker and return at once')
    .action(
      action(async (cli, name: string, options: { queue?: boolean }) => {
        requireRole(cli, ADMIN_ONLY);
        const workflow = workflowNamed(name);
        if (!workflow) throw new UsageError(`No workflow "${name}": one of ${WORKFLOWS.map((w) => w.name).join(', ')}`);
        if (options.queue) {
          await cli.app.scheduler.enqueue(workflow.name, cli.tenant.id, {}, JobTrigger.MANUAL, cli.actor.label);
          return cli.print.result({ workflow: workflow.name, queued: true }, () => `Queued ${workflow.name}; a worker runs it within seconds.`);
        }
        const progress = new Progress(workflow.name, cli.print.json);
        progress.update(0, 'running');
        const result = await cli.app.scheduler.runInline(workflow, cli.tenant.id, cli.actor.label);
        progress.update(100, 'done');
        progress.stop();
        cli.print.result({ workflow: workflow.name, result }, () => `${workflow.title}: ${JSON.stringify(result)}`);
      }),
    );
  return command;
}

export function dbCommand(): Command {
  const command = new Command('db').description('database: migrate, seed');
  command
    .command('migrate')
    .description('apply pending migrations (starting the product applies them too)')
    .action(
      action(
        async (cli) => {
          const executed = await cli.app.orm.getMigrator().getExecutedMigrations();
          cli.print.result({ migrations: executed.length, latest: executed.at(-1)?.name ?? null }, () => `Database is up to date: ${executed.length} migrations, the latest ${executed.at(-1)?.name ?? 'none'}.`);
        },
        { needsTenant: false, migrate: true },
      ),
    );
  command
    .command('seed')
    .description('create the demo tenant, logins and data (once; nothing when it exists)')
    .action(
      action(
        async (cli) => {
          const created = await seedDemo(cli.app);
          cli.print.result({ created, tenant: cli.app.config.defaultTenantSlug }, () => (created ? `Demo data created in tenant ${cli.app.config.defaultTenantSlug}.` : `Tenant ${cli.app.config.defaultTenantSlug} exists: nothing done.`));
        },
        { needsTenant: false, migrate: true },
      ),
    );
  return command;
}

export function usersCommand(): Command {
  const command = new Command('users').description('users: create');
  command
    .command('create')
    .description('invite a user: they set their password through the emailed link')
    .requiredOption('--email <email>', 'their email (their login)')
    .requiredOption('--name <name>', 'their name')
    .requiredOption('--role <role>', Object.values(Role).join(' | '), choice(Object.values(Role)))
    .option('--reseller <code>', 'the reseller, for RESELLER_OWNER and RESELLER_STAFF')
    .action(
      action(async (cli, options: { email: string; name: string; role: Role; reseller?: string }) => {
        requireRole(cli, ADMIN_ONLY);
        const reseller = options.reseller ? await resellerNamed(cli, options.reseller) : null;
        const user = await inviteUser(cli.ctx(), { email: options.email, name: options.name, role: options.role, resellerId: reseller?.id ?? null });
        cli.print.result({ userId: user.id, email: user.email, role: user.role, status: user.status }, () => `Invited ${user.email} as ${user.role}; the set-password email is in the outbox.`);
      }),
    );
  return command;
}
