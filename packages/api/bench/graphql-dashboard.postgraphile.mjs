/**
 * The reference server of the `graphql-dashboard` benchmark: PostGraphile 5 (amber preset, the
 * `pg` adaptor) over the benchmark's database, on a loopback port, in its own process. No watch
 * mode, no GraphiQL, no auth (the bench asks for the reseller by id), no CORS; and without
 * PgIndexBehaviorsPlugin, which hides orderings and relations on unindexed columns (the dashboard
 * orders customers by the unindexed `mrr_cents`, as ours does). Everything else is PostGraphile's
 * default. Plain JavaScript so it needs no TypeScript loader and can run under
 * another Node binary than the bench's (see graphql-dashboard.bench.ts).
 *
 *   DATABASE_URL=postgres://… PORT=0 node bench/graphql-dashboard.postgraphile.mjs
 *
 * Prints one JSON line `{"listening": <port>}` on stdout once it serves; stops on SIGTERM/SIGINT.
 * `PRINT_SCHEMA=1` prints the generated schema's SDL to stderr first (to write the bench's query).
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { printSchema } from 'postgraphile/graphql';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) throw new Error('DATABASE_URL is required');

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) } })],
  grafserv: { port: 0, graphqlPath: '/graphql', watch: false, graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
if (process.env.PRINT_SCHEMA) process.stderr.write(printSchema(await pgl.getSchema()) + '\n');
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => server.off('error', fail));
const fail = (error) => {
  console.error(error);
  process.exit(1);
};
server.on('error', fail);
await serv.addTo(server);
await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
process.stdout.write(JSON.stringify({ listening: server.address().port }) + '\n');

const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
