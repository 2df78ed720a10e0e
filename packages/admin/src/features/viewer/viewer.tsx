import { useMutation } from '@apollo/client/react';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { signOut } from '../../app/auth';
import { graphql } from '../../gql';
import type { AdminViewerQuery as AdminViewerQueryData } from '../../gql/graphql';

/** Who is signed in: the layout loads it once, pages read it for role-based actions. */
export const AdminViewerQuery = graphql(`
  query AdminViewer {
    me {
      kind
      role
      user {
        id
        name
        email
      }
      tenant {
        id
        name
        slug
        currency
        timezone
      }
    }
  }
`);

export type Viewer = AdminViewerQueryData['me'];

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/** The signed-in staff member; only inside AdminLayout, which renders pages once it is known. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer() outside AdminLayout');
  return viewer;
}

const AdminLogoutMutation = graphql(`
  mutation AdminLogout {
    logout
  }
`);

/**
 * Ends the session on the server (the token stops working at once), then forgets it here. A
 * failed call (network down, session already expired) still signs out locally.
 */
export function useSignOut() {
  const [logout, { loading }] = useMutation(AdminLogoutMutation);
  const run = useCallback(async () => {
    try {
      await logout();
    } catch {
      // Signing out locally is what the user asked for; the token expires on its own.
    }
    signOut();
  }, [logout]);
  return { signOut: run, signingOut: loading };
}
