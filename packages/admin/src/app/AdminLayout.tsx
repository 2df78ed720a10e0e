import { AppShell, Burger, Button, Divider, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { signOut } from './auth';

// The left navigation. A section stays highlighted on its detail pages (/applications/:id).
const NAV_ITEMS = [
  { to: '/applications', label: 'Applications' },
  { to: '/resellers', label: 'Resellers' },
  { to: '/outbox', label: 'Outbox' },
  { to: '/api-keys', label: 'API keys' },
];

export function AdminLayout() {
  const { pathname } = useLocation();
  // The navbar collapses behind a burger on small screens.
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" />
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
              Reseller Hub
            </Text>
            {/* Slot for the ISP's name once the api exposes it (publicTenant / the viewer).
                Hidden on phones, where the header has room for the brand and Sign out only. */}
            <Divider orientation="vertical" visibleFrom="xs" />
            <Text c="dimmed" fw={500} truncate visibleFrom="xs" data-slot="isp-name">
              Admin console
            </Text>
          </Group>
          <Button variant="default" onClick={signOut} style={{ flexShrink: 0 }}>
            Sign out
          </Button>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm">
        {NAV_ITEMS.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
            onClick={closeNav}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
