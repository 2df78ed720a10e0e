/**
 * Whether an error means "PostgreSQL cannot be reached right now" (down, restarting, starting up,
 * the connection cut) rather than a fault of the request or of our code. Such a request is worth
 * retrying: clients get SERVICE_UNAVAILABLE (HTTP 503), see app/format-error.ts.
 *
 * Recognised on the error or anything it wraps (`originalError`, `cause`), by the codes node-postgres
 * and Node's sockets give (MikroORM's DriverException copies them) and by the messages of
 * node-postgres and knex that carry no code.
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down).
  '57P01',
  '57P02',
  '57P03',
]);

const MESSAGES = [
  /Connection terminated/i, // node-postgres: the server closed the socket
  /connection error and is not queryable/i, // node-postgres: a client whose connection died
  /Timeout acquiring a connection/i, // knex: the pool could not open one in time
  // knex: the transaction's connection died under it (the transaction ends with it); a query sent
  // after our own commit would be a bug, and one the tests meet every time, not only in an outage.
  /Transaction query already complete/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); ) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (CODES.has(code) || code.startsWith('08'))) return true; // 08xxx: connection exception
    if (MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : ''))) return true;
    current = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}
