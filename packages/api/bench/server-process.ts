/**
 * Running the product as a server child process for a benchmark: a free loopback port, the child
 * started and awaited until it serves, its peak RSS, and JSON posts to it. Shared by the
 * graphql-dashboard and api-load benchmarks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { apiRoot } from '../src/config/config.js';

/** A free loopback port (closed again at once; the child binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  url: string;
  /** The last lines it wrote (for errors). */
  output: string[];
  stop(): Promise<void>;
}

/** Spawns a server and waits until `ready(line)` returns its base URL (or it exits, or time runs out). */
export async function startChild(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, ready: (line: string) => string | null, timeoutMs = 120_000): Promise<Child> {
  const child = spawn(command, args, { cwd: apiRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  let resolveUrl: (url: string) => void;
  let rejectUrl: (error: Error) => void;
  const urlPromise = new Promise<string>((resolve, reject) => {
    resolveUrl = resolve;
    rejectUrl = reject;
  });
  let started = false;
  const onData = (stream: 'out' | 'err') => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 40) output.shift();
      if (!started) {
        const url = ready(line);
        if (url) {
          started = true;
          resolveUrl(url);
          continue;
        }
      }
      // Its errors and log lines are worth seeing; its banner and the SPAs' absence are not.
      if ((stream === 'err' || line.startsWith('{')) && !line.includes('not built')) process.stderr.write(`  [${label}] ${line}\n`);
    }
  };
  child.stdout!.on('data', onData('out'));
  child.stderr!.on('data', onData('err'));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => rejectUrl(new Error(`${label} exited (${code ?? signal}) before serving:\n${output.join('\n')}`)));
  const timer = setTimeout(() => rejectUrl(new Error(`${label} did not start in ${timeoutMs / 1000} s:\n${output.join('\n')}`)), timeoutMs);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
  };
  try {
    const url = await urlPromise;
    return { process: child, url, output, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The product's API (`src/main.ts` as `pnpm start` runs it) in production mode on a free loopback
 * port: HTTP only, generated secrets, no demo data, no SPAs, mail to a closed port. `env` adds or
 * overrides variables (e.g. a bench's rate limits); `nodeArgs` go before the heap limit.
 */
export async function startProductApi(options: { databaseUrl: string; env?: NodeJS.ProcessEnv; node?: string; nodeArgs?: string[] }): Promise<Child> {
  const port = await freePort();
  return startChild(
    'ours',
    options.node ?? process.execPath,
    [...(options.nodeArgs ?? []), '--max-old-space-size=384', '--enable-source-maps', '--import', './register.js', 'src/main.ts'],
    {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      PROCESS_ROLE: 'api',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      PAYOUT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SMTP_URL: 'smtp://127.0.0.1:9',
      PORTAL_DIST: '/nonexistent',
      ADMIN_DIST: '/nonexistent',
      ...options.env,
    },
    (line) => (/GraphQL API\s+(http:\/\/\S+)\/graphql/.exec(line) ? `http://127.0.0.1:${port}` : null),
  );
}

/** Our server's high-water RSS (the kernel's VmHWM) in MB. */
export function peakRssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

