/**
 * Whether a request changed the database, table by table.
 *
 * Every table the ORM knows (entities and pivot tables, from MikroORM's metadata, so a new entity is
 * covered without editing this file) gets a checksum: the sum of the 64-bit hashes of its rows' text
 * forms (every column, as PostgreSQL prints it), and its row count. Equal checksums mean
 * byte-for-byte equal data (but for a 2^-64 chance).
 *
 * Checksumming every table around every call grows slow as the data grows (tens of ms per table
 * with rendered emails), so a statement-level trigger on each of those tables notes, in a table of
 * its own, that a statement wrote to it — in the writing transaction, so a rolled-back write
 * leaves no note. A table without a committed note since the last checksum cannot have changed;
 * the others are checksummed again. This only works on a database of the test's own (no one else
 * writes there) and needs no change to the product.
 */
import type { MikroORM } from '@mikro-orm/postgresql';

export type TableSnapshot = Map<string, { rows: number; sum: string }>;

export function entityTables(orm: MikroORM): string[] {
  const tables = new Set<string>();
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.abstract || meta.embeddable || meta.virtual || !meta.tableName) continue;
    tables.add(meta.tableName);
  }
  return [...tables].sort();
}

async function checksums(orm: MikroORM, tables: string[]): Promise<TableSnapshot> {
  if (tables.length === 0) return new Map();
  const sql = tables
    // The sum of the rows' 64-bit hashes: independent of row order, so no sort of big tables.
    .map((table) => `select '${table}' as name, count(*)::int as rows, coalesce(sum(hashtextextended(t::text, 0)::numeric), 0)::text as sum from "${table}" t`)
    .join(' union all ');
  const rows: { name: string; rows: number; sum: string }[] = await orm.em.getConnection().execute(sql);
  return new Map(rows.map((row) => [row.name, { rows: row.rows, sum: row.sum }]));
}

export class TableWatch {
  private current: TableSnapshot = new Map();
  private seen = 0;

  private constructor(
    private readonly orm: MikroORM,
    readonly tables: string[],
  ) {}

  /** Installs the write notes on `tables` and takes their first checksums. */
  static async start(orm: MikroORM, tables: string[]): Promise<TableWatch> {
    const connection = orm.em.getConnection();
    await connection.execute(`create table if not exists fuzz_table_write (id bigserial primary key, table_name text not null)`);
    await connection.execute(`create or replace function fuzz_note_write() returns trigger language plpgsql as $$ begin insert into fuzz_table_write (table_name) values (TG_TABLE_NAME); return null; end $$`);
    for (const table of tables) {
      await connection.execute(`drop trigger if exists fuzz_note_write on "${table}"`);
      await connection.execute(`create trigger fuzz_note_write after insert or update or delete or truncate on "${table}" for each statement execute function fuzz_note_write()`);
    }
    const watch = new TableWatch(orm, tables);
    watch.current = await checksums(orm, tables);
    watch.seen = await watch.lastNote();
    return watch;
  }

  private async lastNote(): Promise<number> {
    const [row] = await this.orm.em.getConnection().execute(`select coalesce(max(id), 0)::bigint as id from fuzz_table_write`);
    return Number(row?.id ?? 0);
  }

  /** Tables with a committed write since the last snapshot. */
  private async written(): Promise<string[]> {
    const rows: { table_name: string }[] = await this.orm.em.getConnection().execute(`select distinct table_name from fuzz_table_write where id > ?`, [this.seen]);
    return rows.map((row) => row.table_name).filter((table) => this.tables.includes(table));
  }

  /** The checksums of every watched table now (only written tables are read again). */
  async snapshot(): Promise<TableSnapshot> {
    const last = await this.lastNote();
    if (last > this.seen) {
      const written = await this.written();
      for (const [table, sum] of await checksums(this.orm, written)) this.current.set(table, sum);
      this.seen = last;
    }
    return new Map(this.current);
  }

  /** Every table, checksummed from scratch (to confirm the notes missed nothing). */
  async fullSnapshot(): Promise<TableSnapshot> {
    return checksums(this.orm, this.tables);
  }
}

/** The tables whose content differs, with their row counts before → after. */
export function changedTables(before: TableSnapshot, after: TableSnapshot): string[] {
  const changed: string[] = [];
  for (const [name, was] of before) {
    const now = after.get(name);
    if (!now || now.sum !== was.sum) changed.push(`${name} (${was.rows} → ${now?.rows ?? '?'} rows)`);
  }
  return changed;
}
