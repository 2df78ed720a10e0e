import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { PortalResellerUsersQuery, Role } from '../../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, LoadingState, StatusBadge } from '../../ui';
import { PortalResellerUsersQueryDocument } from './queries';

type ResellerUser = PortalResellerUsersQuery['myReseller']['users'][number];

const ROLE_LABELS: Partial<Record<Role, string>> = {
  RESELLER_OWNER: 'Owner',
  RESELLER_STAFF: 'Staff',
};

function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

/** Phones: one card per user instead of a table that scrolls sideways. */
function UserCards({ users, currentUserId }: { users: ResellerUser[]; currentUserId: string | undefined }) {
  return (
    <Stack gap="xs">
      {users.map((user) => (
        <Paper key={user.id} withBorder p="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {user.name}
                {user.id === currentUserId && ' (you)'}
              </Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {user.email}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabel(user.role)} · Last sign-in {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'never'}
              </Text>
            </Stack>
            <div style={{ flexShrink: 0 }}>
              <StatusBadge status={user.status} />
            </div>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function UserTable({ users, currentUserId }: { users: ResellerUser[]; currentUserId: string | undefined }) {
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {user.name}{' '}
                  {user.id === currentUserId && (
                    <Badge size="xs" variant="default" ml={4}>
                      You
                    </Badge>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{user.email}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{roleLabel(user.role)}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={user.lastLoginAt ? undefined : 'dimmed'}>
                  {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The reseller's portal users; rendered for the owner only (the api refuses staff). */
export function ResellerUsersTable({ currentUserId }: { currentUserId: string | undefined }) {
  const { data, loading, error, refetch } = useQuery(PortalResellerUsersQueryDocument);
  // Below Mantine's `sm` breakpoint (48em). Rendered rather than hidden with CSS, so each user
  // appears once in the page.
  const phone = useMediaQuery('(max-width: 47.99em)');

  let content;
  if (data) {
    const { users } = data.myReseller;
    if (users.length === 0) {
      content = <EmptyState title="No users yet" description="Users your partner manager invites appear here." />;
    } else if (phone) {
      content = <UserCards users={users} currentUserId={currentUserId} />;
    } else {
      content = <UserTable users={users} currentUserId={currentUserId} />;
    }
  } else if (loading) {
    content = <LoadingState label="Loading users…" />;
  } else {
    content = <ErrorState error={error} title="Could not load the users" onRetry={() => void refetch()} />;
  }

  return (
    <Card withBorder padding="lg" radius="md">
      <Text fw={600} size="lg">
        Users
      </Text>
      <Text size="sm" c="dimmed" mb="md">
        Everyone who can sign in to this partner account.
      </Text>
      {content}
    </Card>
  );
}
