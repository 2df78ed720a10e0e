import { useApolloClient } from '@apollo/client/react';
import { useCallback, useState } from 'react';
import { signOut } from '../../app/auth';
import { graphql } from '../../gql';

const PortalLogoutMutationDocument = graphql(`
  mutation PortalLogout {
    logout
  }
`);

/** Revokes a session on the api. Errors are ignored: signing out locally must always work. */
export async function revokeSession(
  client: ReturnType<typeof useApolloClient>,
  token?: string,
): Promise<void> {
  try {
    await client.mutate({
      mutation: PortalLogoutMutationDocument,
      // A token not (or no longer) in the session store is sent explicitly.
      context: token ? { headers: { authorization: `Bearer ${token}` } } : undefined,
    });
  } catch {
    // Already expired or revoked, or the network is down: the token is forgotten below anyway.
  }
}

/** Ends the session on the api (the token stops working at once), then signs out here. */
export function useSignOut() {
  const client = useApolloClient();
  const [signingOut, setSigningOut] = useState(false);
  const run = useCallback(async () => {
    setSigningOut(true);
    await revokeSession(client);
    signOut();
  }, [client]);
  return { signOut: run, signingOut };
}
