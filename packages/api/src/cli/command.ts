import { Command, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { AppError } from '../shared/errors.js';
import { isPeriod } from '../shared/period.js';
import { EXIT, openCli, UsageError, type Cli, type GlobalOptions } from './runtime.js';

/** The session open right now, closed on Ctrl-C before exiting. */
let open: Cli | undefined;

/**
 * A command's action: opens the session (database, tenant, actor), runs, prints, closes, and sets
 * an exit code that means something: 0 done, 1 refused or failed, 2 bad usage.
 */
export function action<A extends unknown[]>(handler: (cli: Cli, ...args: A) => Promise<void>, options: { needsTenant?: boolean; migrate?: boolean } = {}) {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const globals = command.optsWithGlobals() as GlobalOptions;
    const own = args.slice(0, -1) as A;
    try {
      open = await openCli(globals, options);
      await handler(open, ...own);
      process.exitCode = EXIT.OK;
    } catch (error) {
      process.exitCode = reportError(error, !!globals.json);
    } finally {
      const closing = open;
      open = undefined;
      await closing?.close();
    }
  };
}

function reportError(error: unknown, json: boolean): number {
  if (error instanceof UsageError) {
    process.stderr.write(json ? `${JSON.stringify({ error: { code: 'USAGE', message: error.message } })}\n` : `error: ${error.message}\n`);
    return EXIT.USAGE;
  }
  if (error instanceof AppError) {
    const details = (error.details as { fieldErrors?: Record<string, string>; rowErrors?: { index: number; field: string; message: string }[]; rowErrorCount?: number } | undefined) ?? {};
    if (json) {
      process.stderr.write(`${JSON.stringify({ error: { code: error.code, message: error.message, ...details } })}\n`);
    } else {
      const lines = [`error (${error.code}): ${error.message}`];
      for (const [field, message] of Object.entries(details.fieldErrors ?? {})) lines.push(`  ${field}: ${message}`);
      // Rows count from 1 (the first data row: line 2 of a CSV file with its header).
      for (const row of details.rowErrors ?? []) lines.push(`  row ${row.index + 1}, ${row.field}: ${row.message}`);
      const more = (details.rowErrorCount ?? 0) - (details.rowErrors?.length ?? 0);
      if (more > 0) lines.push(`  … and ${more} more`);
      process.stderr.write(`${lines.join('\n')}\n`);
    }
    return EXIT.FAILED;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(json ? `${JSON.stringify({ error: { code: 'INTERNAL', message } })}\n` : `error: ${message}\n`);
  return EXIT.FAILED;
}

/** Ctrl-C: the transaction in progress is rolled back by PostgreSQL when the connection closes. */
export function stopCleanlyOnInterrupt(): void {
  process.once('SIGINT', () => {
    process.stderr.write('\nInterrupted: the change in progress was rolled back; nothing of it was written.\n');
    const closing = open;
    open = undefined;
    const exit = () => process.exit(EXIT.INTERRUPTED);
    setTimeout(exit, 3000).unref();
    void (closing?.close() ?? Promise.resolve()).finally(exit);
  });
}

// Argument parsers: a wrong value is a usage error (exit 2) with the reason.
export function periodArgument(value: string): string {
  if (!isPeriod(value)) throw new InvalidArgumentError('a period is YYYY-MM, e.g. 2026-10');
  return value;
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 10_000) throw new InvalidArgumentError('a whole number from 1 to 10000');
  return number;
}

export function choice<T extends string>(values: readonly T[]) {
  return (value: string): T => {
    const upper = value.toUpperCase();
    if (!values.includes(upper as T)) throw new InvalidArgumentError(`one of ${values.join(', ')}`);
    return upper as T;
  };
}

export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export const dryRunOption = () => new Option('--dry-run', 'show what would change, change nothing');
