import { useQuery } from '@apollo/client/react';
import { AppShell, Avatar, Box, Button, Container, Group, Menu, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { useSignOut } from '../features/auth/useSignOut';
import { graphql } from '../gql';

// The signed-in partner's area. Add a page to the header navigation here. Eight pages (narrow
// buttons: 7 px side padding, 2 px apart) fit the header from Mantine's `lg` breakpoint (75em; at
// `md`, 62em, they squeezed the company name to a few letters; with the dashboard added, 12 px
// padding did so at 1280 px too). The header keeps no room for the user's name (the content is 1140 px wide at
// most and eight pages need it): it is the Sign out button's title and in the menu.
// Below `lg` the pages and Sign out sit behind the avatar menu.
const NAV_ITEMS = [
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/profile', label: 'Profile' },
  { to: '/onboarding', label: 'Onboarding' },
  { to: '/customers', label: 'Customers' },
  { to: '/commissions', label: 'Commissions' },
  { to: '/payments', label: 'Payments' },
  { to: '/analytics', label: 'Analytics' },
  { to: '/health', label: 'My health' },
];

/** The header's query; also sent at start-up by ./preload.ts, in parallel with the page's. */
export const PortalPartnerHeaderQuery = graphql(`
  query PortalPartnerHeader {
    me {
      role
      user {
        id
        name
        email
      }
      reseller {
        id
        companyName
      }
      tenant {
        id
        name
      }
    }
  }
`);

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

export function PartnerLayout() {
  const { pathname } = useLocation();
  const { data, loading } = useQuery(PortalPartnerHeaderQuery);
  const { signOut, signingOut } = useSignOut();
  const me = data?.me;
  const userName = me?.user?.name ?? me?.user?.email ?? '';
  useDocumentTitle(me ? `${me.reseller?.companyName ?? me.tenant.name} · Partner portal` : 'Partner portal');

  return (
    <AppShell header={{ height: 64 }} padding={0} bg="gray.0">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
              <Stack gap={0} style={{ minWidth: 0 }}>
                {loading && !me ? (
                  <Skeleton h={18} w={160} />
                ) : (
                  <>
                    <Text fw={700} truncate title={me?.reseller?.companyName ?? undefined} data-testid="partner-company">
                      {me?.reseller?.companyName ?? 'Partner portal'}
                    </Text>
                    {me && (
                      <Text size="xs" c="dimmed" truncate>
                        {me.tenant.name} partner portal
                      </Text>
                    )}
                  </>
                )}
              </Stack>
              <Group gap={2} wrap="nowrap" visibleFrom="lg">
                {NAV_ITEMS.map((item) => {
                  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
                  return (
                    <Button
                      key={item.to}
                      component={Link}
                      to={item.to}
                      variant={active ? 'light' : 'subtle'}
                      color={active ? undefined : 'gray'}
                      px={7}
                    >
                      {item.label}
                    </Button>
                  );
                })}
              </Group>
            </Group>

            <Group gap="md" wrap="nowrap" visibleFrom="lg" style={{ flexShrink: 0 }}>
              <Button variant="default" px="md" onClick={() => void signOut()} loading={signingOut} title={me?.user ? `Signed in as ${me.user.name} (${me.user.email})` : undefined}>
                Sign out
              </Button>
            </Group>

            {/* Phones and tablets: the pages, the user and Sign out sit behind the avatar. */}
            <Box hiddenFrom="lg" style={{ flexShrink: 0 }}>
              <Menu position="bottom-end" width={240}>
                <Menu.Target>
                  <UnstyledButton aria-label="Account menu">
                    <Avatar size={34} radius="xl" color="indigo">
                      {userName ? initials(userName) : null}
                    </Avatar>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  {me?.user && (
                    <Menu.Label>
                      <Text size="sm" fw={600} c="dark" truncate>
                        {me.user.name}
                      </Text>
                      <Text size="xs" c="dimmed" truncate>
                        {me.user.email}
                      </Text>
                    </Menu.Label>
                  )}
                  {NAV_ITEMS.map((item) => (
                    <Menu.Item key={item.to} component={Link} to={item.to}>
                      {item.label}
                    </Menu.Item>
                  ))}
                  <Menu.Divider />
                  <Menu.Item color="red" onClick={() => void signOut()} disabled={signingOut}>
                    Sign out
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Box>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" py="xl">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
