/**
 * `reseller-hub`: the operations an ISP's staff script, on the same services as the GraphQL API.
 * Exit codes: 0 done, 1 refused or failed (the message says why), 2 bad usage, 130 interrupted.
 */
import 'reflect-metadata';
import exitHook from 'async-exit-hook';
import { Command, CommanderError } from 'commander';
import { assertDecoratorMetadata } from '../db/self-check.js';
import { stopCleanlyOnInterrupt } from './command.js';
import { billingCommand, customersCommand } from './commands/imports.js';
import { commissionsCommand, payoutsCommand, periodsCommand } from './commands/money.js';
import { alertsCommand, dbCommand, healthCommand, jobsCommand, usersCommand } from './commands/operations.js';
import { applicationsCommand, resellersCommand } from './commands/partners.js';
import { EXIT } from './runtime.js';

export function buildProgram(): Command {
  const program = new Command('reseller-hub')
    .description('Reseller Hub administration: partners, customers, billing, commissions, payouts, health and jobs.')
    .option('--tenant <slug>', 'the ISP (tenant) to work on (default: DEFAULT_TENANT_SLUG, "demo")')
    .option('--json', 'print one JSON document on stdout (errors as JSON on stderr), for scripts')
    .option('--as <email>', "act as this active user: their role applies and the audit trail names them (default: the CLI as administrator)")
    .option('--yes', 'confirm a bulk change of more than 100 rows on a terminal')
    .addHelpText('after', '\nThe database is DATABASE_URL, else the embedded one of `pnpm start` (reached while it runs, started otherwise).\nExit codes: 0 done, 1 refused or failed, 2 bad usage, 130 interrupted.');
  for (const command of [applicationsCommand(), resellersCommand(), customersCommand(), billingCommand(), commissionsCommand(), periodsCommand(), payoutsCommand(), healthCommand(), alertsCommand(), jobsCommand(), dbCommand(), usersCommand()]) {
    program.addCommand(command);
  }
  // Every command reports usage errors the same way: a message, and exit code 2.
  const configure = (command: Command) => {
    command.exitOverride().showHelpAfterError('(add --help for usage)');
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

async function main() {
  // The embedded database's library would exit on a signal before our clean-up ran.
  exitHook.unhookEvent('SIGINT');
  exitHook.unhookEvent('SIGTERM');
  assertDecoratorMetadata();
  stopCleanlyOnInterrupt();
  const program = buildProgram();
  if (process.argv.length <= 2) {
    program.outputHelp({ error: true });
    process.exit(EXIT.USAGE);
  }
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const shownHelp = error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version';
      process.exit(shownHelp ? EXIT.OK : EXIT.USAGE);
    }
    throw error;
  }
  process.exit(process.exitCode ?? EXIT.OK);
}

main().catch((error) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.FAILED);
});
