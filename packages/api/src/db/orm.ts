import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config.js';

/** Opens the ORM and brings the schema up to date with the committed migrations. */
export async function openOrm(databaseUrl: string, { migrate = true, quiet = false } = {}): Promise<MikroORM> {
  const config = ormConfig(databaseUrl);
  // The CLI keeps stdout for its result (--json): no migration log lines there.
  const orm = await MikroORM.init(quiet ? { ...config, migrations: { ...config.migrations, silent: true } } : config);
  if (migrate) await orm.getMigrator().up();
  return orm;
}
