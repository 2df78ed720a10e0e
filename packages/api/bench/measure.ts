/** Measuring helpers shared by the benchmarks: SQL statement counts, peak memory, CPU profiles. */
import type { MikroORM } from '@mikro-orm/postgresql';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/** Counts SQL statements (and their time, by statement) sent through the ORM's knex. */
export function sqlMeter(orm: MikroORM) {
  const knex = orm.em.getConnection().getKnex();
  const pending = new Map<string, { sql: string; at: number }>();
  const bySql = new Map<string, { count: number; millis: number }>();
  let count = 0;
  let on = false;
  const onQuery = (query: { __knexQueryUid: string; sql: string }) => {
    if (!on) return;
    count++;
    pending.set(query.__knexQueryUid, { sql: query.sql.slice(0, 200), at: performance.now() });
  };
  const onDone = (_response: unknown, query: { __knexQueryUid: string }) => {
    const started = pending.get(query.__knexQueryUid);
    if (!started) return;
    pending.delete(query.__knexQueryUid);
    const key = started.sql.replace(/\s+/g, ' ').trim().slice(0, 70);
    const entry = bySql.get(key) ?? { count: 0, millis: 0 };
    entry.count++;
    entry.millis += performance.now() - started.at;
    bySql.set(key, entry);
  };
  knex.on('query', onQuery);
  knex.on('query-response', onDone);
  knex.on('query-error', onDone);
  return {
    start() {
      count = 0;
      bySql.clear();
      on = true;
    },
    stop() {
      on = false;
      return { count, top: [...bySql.entries()].sort((a, b) => b[1].millis - a[1].millis).slice(0, 8).map(([sql, s]) => ({ sql, count: s.count, millis: Math.round(s.millis) })) };
    },
  };
}

/** Samples the process's RSS while `work` runs (plus the OS's own high-water mark). */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number; baselineRssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    // The kernel's high-water mark catches peaks between samples (blocked event loop); it covers the
    // process's whole life, and data generation before the run is set-based (little memory).
    const maxRss = process.resourceUsage().maxRSS * 1024;
    return { result, peakRssMb: Math.max(peak, maxRss) / 2 ** 20, baselineRssMb: baseline / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * With BENCH_CPU_PROFILE=DIR, records a V8 CPU profile of `work` alone (not the data generation
 * around it) to DIR/<name>.cpuprofile, for Chrome DevTools or speedscope.
 */
export async function withCpuProfile<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

/** `:name` placeholders (not `::casts`) to knex's positional `?` bindings, for the references' SQL. */
export function named(sql: string, values: Record<string, string>): [string, string[]] {
  const bindings: string[] = [];
  const text = sql.replace(/(?<!:):([a-zA-Z]+)\b/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name}`);
    bindings.push(values[name]!);
    return '?';
  });
  return [text, bindings];
}

/**
 * A benchmark's size: `small` with --quick or BENCH_SCALE=small, else `full`; then each field
 * named in `overrides` taken from that environment variable when it is set (e.g. BENCH_RESELLERS).
 */
export function benchSize<T extends object>(quick: boolean, sizes: { full: T; small: T }, overrides: Partial<Record<keyof T, string>>): T {
  const size = { ...(quick || process.env.BENCH_SCALE === 'small' ? sizes.small : sizes.full) };
  for (const [field, variable] of Object.entries(overrides) as [keyof T, string][]) {
    if (process.env[variable]) size[field] = Number(process.env[variable]) as T[keyof T];
  }
  return size;
}
