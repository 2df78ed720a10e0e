import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { loginPath } from './auth';
import { appHref, currentAppPath, graphqlUrl } from './env';
import { isUnauthenticated } from './errors';
import { clearSession, getSession } from './session';

// Sends `Authorization: Bearer <token>` while signed in. Read per request, so signing in or out
// needs no new client.
const authLink = new ApolloLink((operation, forward) => {
  const session = getSession();
  if (session) {
    operation.setContext(({ headers }) => ({
      headers: { ...headers, authorization: `Bearer ${session.token}` },
    }));
  }
  return forward(operation);
});

// An expired or revoked session: forget it and go to the login page, coming back here after.
// A full page load (not a router navigation) also drops the previous user's Apollo cache.
// Only when a session existed: a failed sign-in or a public page's error just shows the error.
const errorLink = new ErrorLink(({ error }) => {
  if (!isUnauthenticated(error) || !getSession()) return;
  const next = currentAppPath();
  clearSession();
  window.location.assign(appHref(loginPath(next)));
});

export const apolloClient = new ApolloClient({
  // Order matters: errorLink sees every result coming back up from the links after it.
  link: ApolloLink.from([errorLink, authLink, new HttpLink({ uri: graphqlUrl })]),
  cache: new InMemoryCache({
    typePolicies: {
      // `me` has no id: pages select different fields of it, which are merged rather than
      // replaced (there is one viewer per session, and a sign-in or sign-out clears the cache).
      Viewer: { merge: true },
    },
  }),
});
