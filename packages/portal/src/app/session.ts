import { useSyncExternalStore } from 'react';

// The signed-in user's session token, kept in localStorage so a reload stays signed in.
// A tiny store instead of React context: the Apollo links read it outside React.

export type Session = { token: string };

const STORAGE_KEY = 'rh.portal.session';

const listeners = new Set<() => void>();
let current: Session | null = readStorage();

function readStorage(): Session | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && 'token' in value && typeof value.token === 'string') {
      return { token: value.token };
    }
  } catch {
    // A corrupt entry counts as signed out.
  }
  return null;
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  current = session;
  emit();
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
  current = null;
  emit();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Signing in or out in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  current = readStorage();
  emit();
});

/** The current session (null when signed out); re-renders when it changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession);
}
