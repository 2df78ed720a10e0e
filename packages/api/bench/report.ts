/** The one table `pnpm bench` prints, and its JSON copy under the repository's git-ignored bench-results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { apiRoot } from '../src/config/config.js';

export interface BenchResult {
  name: string;
  size: Record<string, unknown>;
  oursMillis: number;
  referenceMillis: number;
  ratio: number;
  peakRssMb: number;
  /** SQL statements of ours; null where they run in another process and are not counted. */
  sqlStatements: number | null;
  /** Benches whose figures are not times (e.g. KiB and ms of a page load): the table shows these instead. */
  display?: { ours: string; reference: string; targets: string; ratio?: string };
  /**
   * `ratio` is ours ÷ reference. For time benches (the default, `ratioIs: 'atMost'`) the target is
   * an upper bound on ours' time; for throughput benches (`'atLeast'`) a lower bound on ours' rate.
   */
  targets: { ratio: number; peakRssMb: number; ratioIs?: 'atMost' | 'atLeast' };
  /** Throughput benches: requests/s of each side, shown instead of the times (which then hold p50 latency). */
  throughput?: { ours: number; reference: number };
  passed: boolean;
  details: Record<string, unknown>;
}

export function printTable(results: BenchResult[]) {
  const rows = [
    ['name', 'ours', 'reference', 'ratio', 'peak RSS', 'SQL statements', 'targets', 'result'],
    ...results.map((r) => [
      r.name,
      r.display?.ours ?? (r.throughput ? `${r.throughput.ours.toFixed(0)} req/s` : `${(r.oursMillis / 1000).toFixed(2)} s`),
      r.display?.reference ?? (r.throughput ? `${r.throughput.reference.toFixed(0)} req/s` : `${(r.referenceMillis / 1000).toFixed(2)} s`),
      r.display?.ratio ?? `${r.ratio.toFixed(2)}×`,
      `${r.peakRssMb.toFixed(0)} MB`,
      r.sqlStatements === null ? '—' : String(r.sqlStatements),
      r.display?.targets ?? `${r.targets.ratioIs === 'atLeast' ? '≥' : '≤'} ${r.targets.ratio}×, ≤ ${r.targets.peakRssMb} MB`,
      r.passed ? 'PASS' : 'FAIL',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) console.log(line(row));
}

export function writeResults(results: BenchResult[]): string {
  const dir = path.resolve(apiRoot, '../..', 'bench-results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const body = JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2);
  const file = path.join(dir, `bench-${stamp}.json`);
  writeFileSync(file, body);
  writeFileSync(path.join(dir, 'latest.json'), body);
  console.log(`\nwritten: ${path.relative(path.resolve(apiRoot, '../..'), file)}`);
  return file;
}

/** Runs one benchmark when its file is the process's entry point (`node … bench/x.bench.ts`). */
export function runWhenMain(moduleUrl: string, bench: () => Promise<BenchResult>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  bench()
    .then((result) => {
      printTable([result]);
      writeResults([result]);
      process.exitCode = result.passed ? 0 : 1;
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
