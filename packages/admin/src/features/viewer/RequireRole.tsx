import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../gql/graphql';
import { EmptyState } from '../../ui';
import { roleLabel } from '../../ui/labels';
import { useViewer } from './viewer';

type RequireRoleProps = {
  /** E.g. `canReadEmails` from ./permissions. */
  allowed: (role: Role) => boolean;
  children: ReactNode;
};

/** A page some staff roles may not open (the navigation hides it; this covers a typed URL). */
export function RequireRole({ allowed, children }: RequireRoleProps) {
  const { role } = useViewer();
  if (allowed(role)) return children;
  return (
    <EmptyState
      title="You don't have access to this page"
      description={`Your role (${roleLabel(role)}) cannot open it. Ask an administrator if you need it.`}
      action={
        <Button component={Link} to="/applications" variant="light">
          Go to applications
        </Button>
      }
    />
  );
}
