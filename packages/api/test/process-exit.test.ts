import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('process exit codes', () => {
  it('loading the embedded PostgreSQL module keeps a failing exit code (its exit hook must not force 0)', () => {
    const script = "await import('./src/db/embedded-postgres.ts'); process.exitCode = 3;";
    const result = spawnSync(process.execPath, ['--import', './register.js', '--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });
});
