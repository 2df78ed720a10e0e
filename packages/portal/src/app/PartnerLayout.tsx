import { AppShell, Button, Container, Group, Text } from '@mantine/core';
import { Link, Outlet, useLocation } from 'react-router';
import { signOut } from './auth';

// The signed-in partner's area. Add a page to the header navigation here.
const NAV_ITEMS = [{ to: '/profile', label: 'Profile' }];

export function PartnerLayout() {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="xl" wrap="nowrap">
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                Reseller Hub{' '}
                {/* Hidden on phones, where the header has room for the brand, nav and Sign out. */}
                <Text span c="dimmed" fw={500} inherit visibleFrom="sm">
                  Partner portal
                </Text>
              </Text>
              <Group gap={4} wrap="nowrap">
                {NAV_ITEMS.map((item) => {
                  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
                  return (
                    <Button
                      key={item.to}
                      component={Link}
                      to={item.to}
                      variant={active ? 'light' : 'subtle'}
                      color={active ? undefined : 'gray'}
                    >
                      {item.label}
                    </Button>
                  );
                })}
              </Group>
            </Group>
            <Button variant="default" onClick={signOut} style={{ flexShrink: 0 }}>
              Sign out
            </Button>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" py="md">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
