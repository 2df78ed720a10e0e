/**
 * The product as real processes, for tests that kill, stop and restart it: `src/main.ts` (HTTP and
 * jobs) or `src/worker.ts`, started the way `pnpm start` / `pnpm worker` start them (SWC through
 * `register.js`). Each process compiles the sources when it starts, which takes seconds on a loaded
 * 2-core machine: tests keep the number of starts small.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { TEST_RATE_LIMIT_ENV } from '../helpers.js';

const apiDir = fileURLToPath(new URL('../../', import.meta.url));

export interface ProductProcess {
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** `http://127.0.0.1:<port>` for `src/main.ts`. */
  url: string;
}

const started: ChildProcess[] = [];

/** A free TCP port on loopback (the product prints its public URL, not the port it bound). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `entry` with the test's environment plus `env`: development mode without demo data, jobs
 * polled every 200 ms, logs at info (the output explains a failure), and startTestApi's request
 * budgets (these tests send far more from one address and session than a person would;
 * rate-limit.int.test.ts tests the budgets).
 */
export async function startProduct(env: Record<string, string>, entry: 'src/main.ts' | 'src/worker.ts' = 'src/main.ts'): Promise<ProductProcess> {
  const port = env.PORT ?? String(await freePort());
  let output = '';
  const child = spawn(process.execPath, ['--import', './register.js', entry], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: 'development', PUBLIC_URL: 'http://hub.test', JOBS_POLL_MS: '200', SEED_DEMO: 'false', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: port, ...TEST_RATE_LIMIT_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  started.push(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { process: child, output: () => output, exited, url: `http://127.0.0.1:${port}` };
}

export const isRunning = (product: ProductProcess) => product.process.exitCode === null && product.process.signalCode === null;

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until each process says it runs; fails at once, with its output, if one exits instead. */
export async function whenStarted(...products: ProductProcess[]): Promise<void> {
  await waitFor(
    async () => {
      for (const product of products) if (!isRunning(product)) throw new Error(`a process exited while starting:\n${product.output()}`);
      return products.every((product) => /is running the scheduled jobs|Reseller Hub is running/.test(product.output()));
    },
    'the processes to start',
    150_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${products.map((product) => product.output()).join('\n---\n')}`);
  });
}

/** SIGTERM (a clean stop) unless it already exited; resolves with how it exited. */
export async function stopProduct(product: ProductProcess) {
  if (isRunning(product)) product.process.kill('SIGTERM');
  return product.exited;
}

/** Resolves with how the process exited, or fails with its output if it is still running after `timeoutMs`. */
export async function exitOf(product: ProductProcess, timeoutMs = 60_000) {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([product.exited, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the process did not exit:\n${product.output()}`)), timeoutMs)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** For afterAll: SIGKILLs whatever a test left running. */
export function killStartedProducts(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
