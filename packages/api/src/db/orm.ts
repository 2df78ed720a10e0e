import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from './orm-config.js';

/** Opens the ORM and brings the schema up to date with the committed migrations. */
export async function openOrm(databaseUrl: string, { migrate = true } = {}): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(databaseUrl));
  if (migrate) await orm.getMigrator().up();
  return orm;
}
