/**
 * `pnpm bench`: every benchmark, one table, JSON under bench-results/. Not part of `pnpm test`.
 * `--quick` (or BENCH_SCALE=small) runs CI sizes; BENCH_DATABASE_URL / TEST_DATABASE_URL pick a
 * server (a fresh database is created there and dropped), else an embedded PostgreSQL starts.
 */
import { apiLoadBench } from './api-load.bench.js';
import { commissionRunBench } from './commission-run.bench.js';
import { graphqlDashboardBench } from './graphql-dashboard.bench.js';
import { healthScoringBench } from './health-scoring.bench.js';
import { portalLoadBench } from './portal-load.bench.js';
import { printTable, writeResults, type BenchResult } from './report.js';

const quick = process.argv.includes('--quick') || process.argv.includes('--small');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const benches: Record<string, () => Promise<BenchResult>> = {
  'commission-run': () => commissionRunBench({ quick }),
  'graphql-dashboard': () => graphqlDashboardBench({ quick }),
  'health-scoring': () => healthScoringBench({ quick }),
  'portal-load': () => portalLoadBench({ quick }),
  'api-load': () => apiLoadBench({ quick }),
};

const results: BenchResult[] = [];
for (const [name, bench] of Object.entries(benches)) {
  if (only && only !== name) continue;
  results.push(await bench());
}
console.log('');
printTable(results);
writeResults(results);
process.exitCode = results.every((result) => result.passed) ? 0 : 1;
