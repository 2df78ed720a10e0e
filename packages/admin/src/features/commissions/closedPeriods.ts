import { useSyncExternalStore } from 'react';

// Which periods this browser has seen closed. The api returns a period's close only from
// `closeCommissionPeriod` (idempotent: closing a closed period returns the existing close) and has
// no query for it, so the runs page cannot tell on its own whether an approved period is closed.
// The store lives in memory: signing out loads a fresh page, so it never crosses users.

export type PeriodClose = { period: string; closedBy: string; createdAt: string };

const closes = new Map<string, PeriodClose>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, PeriodClose> = new Map();

export function rememberPeriodClose(close: PeriodClose): void {
  closes.set(close.period, close);
  snapshot = new Map(closes);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Period → its close, for the periods closed (or found closed) in this session. */
export function useKnownPeriodCloses(): ReadonlyMap<string, PeriodClose> {
  return useSyncExternalStore(subscribe, () => snapshot);
}
