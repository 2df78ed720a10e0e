// Where the app lives, derived from Vite's `base` ('/portal/'), in one place.

/** '/portal' — react-router's basename and the prefix of full-page URLs. */
export const basename = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** Same origin in production (the api serves this build); proxied to the api by `vite dev`. */
export const graphqlUrl = '/graphql';

/** A full URL path for an in-app route, for `window.location` (outside react-router). */
export function appHref(path: string): string {
  return basename + path;
}

/** The current in-app route (path + query) as react-router sees it, for `?next=`. */
export function currentAppPath(): string {
  const { pathname, search } = window.location;
  const path = pathname.startsWith(basename) ? pathname.slice(basename.length) : pathname;
  return (path || '/') + search;
}
