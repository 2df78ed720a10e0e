import { writeSync } from 'node:fs';

/**
 * Crash tests (SIGKILL in the middle of real work): a process started with
 * `RH_FAULT_KILL_AT=<point>` kills itself, without any clean-up, when it reaches that point.
 * Unset (always, outside those tests) this does nothing.
 */
export function faultPoint(point: string): void {
  if (process.env.RH_FAULT_KILL_AT !== point) return;
  // Said synchronously before dying, so the test can tell where the process stopped.
  writeSync(2, `fault point ${point}: SIGKILL\n`);
  process.kill(process.pid, 'SIGKILL');
}
