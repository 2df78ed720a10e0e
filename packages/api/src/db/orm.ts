import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config.js';

/** Opens the ORM and brings the schema up to date with the committed migrations. */
export async function openOrm(databaseUrl: string, { migrate = true, quiet = false } = {}): Promise<MikroORM> {
  const config = ormConfig(databaseUrl);
  // The CLI keeps stdout for its result (--json): no migration log lines there.
  const orm = await MikroORM.init(quiet ? { ...config, migrations: { ...config.migrations, silent: true } } : config);
  keepValuesOutOfDatabaseErrors(orm);
  if (migrate) await orm.getMigrator().up();
  return orm;
}

interface FailedStatement {
  sql: string;
  bindings?: unknown[];
}

/**
 * A failed statement's error carries no values. knex puts the statement in front of PostgreSQL's
 * message, and MikroORM sends its statements with the values written into the SQL, so the error
 * of a failed flush held a password hash, an encrypted bank account number or an email with its
 * set-password link; PostgreSQL's `detail` repeats a failing row or a duplicate key. Errors are
 * logged, and a failed job's message is shown to admins. Every statement goes through knex, whose
 * `query-error` event fires before the error is thrown: the message becomes PostgreSQL's own,
 * naming the statement by its SQL when the values were bound (placeholders only, see
 * `compileSqlOnError` in orm-config.ts) and by its first words when they were written into it.
 */
function keepValuesOutOfDatabaseErrors(orm: MikroORM): void {
  orm.em.getConnection().getKnex().on('query-error', (error: Error & { detail?: string }, statement: FailedStatement) => {
    const prefix = `${statement.sql} - `;
    if (!error.message.startsWith(prefix)) return;
    const bound = (statement.bindings?.length ?? 0) > 0;
    const where = bound ? statement.sql.slice(0, 300) : `${statement.sql.trim().split(/\s+/).slice(0, 3).join(' ')} …`;
    error.message = `${error.message.slice(prefix.length)} (in: ${where})`;
    error.detail = undefined;
  });
}
