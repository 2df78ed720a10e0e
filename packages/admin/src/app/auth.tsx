import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { appHref } from './env';
import { clearSession, useSession } from './session';

/** The login route, returning to `next` (an in-app path) after signing in. */
export function loginPath(next?: string): string {
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/**
 * Where to go after signing in: `?next=` when it is an in-app path, else '/'. Rejects absolute
 * and protocol-relative URLs so a crafted link cannot send the user to another site.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/** Renders its children only with a session; otherwise redirects to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  return children;
}

/**
 * Signs out in this browser: forgets the token, then loads the login page afresh. A full page
 * load (not a router navigation) drops the Apollo cache and all in-memory state of this user,
 * and cannot race RequireAuth, which would otherwise redirect to `/login?next=<this page>`.
 * Call it through `useSignOut()` (features/viewer), which first ends the session on the server.
 */
export function signOut(): void {
  clearSession();
  window.location.assign(appHref('/login'));
}
