import { useQuery } from '@apollo/client/react';
import {
  Alert,
  AppShell,
  Avatar,
  Badge,
  Box,
  Burger,
  Button,
  Divider,
  Group,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import {
  canImportBilling,
  canManageAutomation,
  canManageTenantSettings,
  canManageApiKeys,
  canReadAchSettings,
  canReadCommissions,
  canReadCustomers,
  canReadEmails,
  canReadOnboarding,
  canReadPayouts,
  canReadSuccess,
  isStaffRole,
} from '../features/viewer/permissions';
import { AdminViewerQuery, useSignOut, ViewerProvider, type Viewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { ErrorState, LoadingState } from '../ui';
import {
  IconAdjustments,
  IconAlert,
  IconBank,
  IconBuilding,
  IconChart,
  IconCheck,
  IconChevronDown,
  IconClockPlay,
  IconCoins,
  IconDownload,
  IconFile,
  IconHeartbeat,
  IconInbox,
  IconKey,
  IconList,
  IconLogout,
  IconMail,
  IconMessage,
  IconSettings,
  IconUsers,
} from '../ui/icons';
import { roleLabel } from '../ui/labels';

/** The count beside "Applications" in the navigation: submitted or under review. */
export const AdminOpenApplicationsCountQuery = graphql(`
  query AdminOpenApplicationsCount {
    resellerApplications(first: 1, filter: { status: [SUBMITTED, UNDER_REVIEW] }) {
      totalCount
    }
  }
`);

/** The count beside "Disputes": partners waiting for an answer (the api lists at most 200). */
export const AdminOpenDisputesCountQuery = graphql(`
  query AdminOpenDisputesCount {
    commissionDisputes(status: OPEN) {
      id
    }
  }
`);

type NavItem = {
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown only to roles the api lets in. */
  visible: (role: Role) => boolean;
  /** Active on this path only, not on the paths below it (a section's overview page). */
  exact?: boolean;
  /** A count badge beside the label. */
  count?: 'openApplications' | 'openDisputes';
};

// A section stays highlighted on its detail pages (/applications/:id).
const NAV_SECTIONS: { title: string; items: NavItem[] }[] = [
  {
    title: 'Partners',
    items: [
      { to: '/applications', label: 'Applications', icon: <IconInbox />, visible: () => true, count: 'openApplications' },
      { to: '/resellers', label: 'Resellers', icon: <IconBuilding />, visible: () => true },
      { to: '/customers', label: 'Customers', icon: <IconUsers />, visible: canReadCustomers },
      { to: '/onboarding/overdue', label: 'Overdue onboarding', icon: <IconAlert />, visible: canReadOnboarding },
    ],
  },
  {
    title: 'Commissions',
    items: [
      { to: '/commissions', label: 'Runs', icon: <IconCoins />, visible: canReadCommissions, exact: true },
      { to: '/commissions/lines', label: 'Lines', icon: <IconList />, visible: canReadCommissions },
      { to: '/commissions/report', label: 'Report', icon: <IconChart />, visible: canReadCommissions },
      { to: '/commissions/plans', label: 'Plans', icon: <IconFile />, visible: canReadCommissions },
      { to: '/commissions/disputes', label: 'Disputes', icon: <IconMessage />, visible: canReadCommissions, count: 'openDisputes' },
      { to: '/commissions/reconciliation', label: 'Reconciliation', icon: <IconCheck />, visible: canReadCommissions },
      { to: '/commissions/import', label: 'Billing import', icon: <IconDownload />, visible: canImportBilling },
      { to: '/payments', label: 'Payments', icon: <IconBank />, visible: canReadPayouts },
    ],
  },
  {
    title: 'Success',
    items: [
      { to: '/success', label: 'Partner success', icon: <IconHeartbeat />, visible: canReadSuccess, exact: true },
      { to: '/success/alerts', label: 'Alerts', icon: <IconAlert />, visible: canReadSuccess },
      { to: '/success/interventions', label: 'Interventions', icon: <IconList />, visible: canReadSuccess },
    ],
  },
  {
    title: 'System',
    items: [
      { to: '/outbox', label: 'Outbox', icon: <IconMail />, visible: canReadEmails },
      { to: '/automation', label: 'Automation', icon: <IconClockPlay />, visible: canManageAutomation },
      { to: '/api-keys', label: 'API keys', icon: <IconKey />, visible: canManageApiKeys },
      { to: '/settings/program', label: 'Program settings', icon: <IconAdjustments />, visible: canManageTenantSettings },
      { to: '/settings/ach', label: 'ACH settings', icon: <IconSettings />, visible: canReadAchSettings },
    ],
  },
];

function initials(name: string): string {
  const parts = name.split(/[\s-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

function UserMenu({ viewer }: { viewer: Viewer }) {
  const { signOut, signingOut } = useSignOut();
  const name = viewer.user?.name ?? 'API key';
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label="Account menu" data-testid="user-menu" style={{ borderRadius: 8 }} px={6} py={4}>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34}>
              {initials(name)}
            </Avatar>
            <Box visibleFrom="sm" style={{ lineHeight: 1.2 }}>
              <Text size="sm" fw={600}>
                {name}
              </Text>
              <Text size="xs" c="dimmed">
                {roleLabel(viewer.role)}
              </Text>
            </Box>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text size="sm" fw={600}>
            {name}
          </Text>
          {viewer.user && (
            <Text size="xs" c="dimmed" truncate>
              {viewer.user.email}
            </Text>
          )}
          <Badge mt={6} size="sm" variant="light">
            {roleLabel(viewer.role)}
          </Badge>
        </Box>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => void signOut()}
          disabled={signingOut}
          closeMenuOnClick={false}
        >
          {signingOut ? 'Signing out…' : 'Sign out'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Navigation({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const { data } = useQuery(AdminOpenApplicationsCountQuery, { fetchPolicy: 'cache-and-network' });
  const disputes = useQuery(AdminOpenDisputesCountQuery, { fetchPolicy: 'cache-and-network', skip: !canReadCommissions(role) });
  const counts = {
    openApplications: data?.resellerApplications.totalCount,
    openDisputes: disputes.data?.commissionDisputes.length,
  };
  return (
    <Stack gap="lg">
      {NAV_SECTIONS.map((section) => {
        const items = section.items.filter((item) => item.visible(role));
        if (items.length === 0) return null;
        return (
          <Stack key={section.title} gap={2}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4} style={{ letterSpacing: 0.6 }}>
              {section.title}
            </Text>
            {items.map((item) => {
              const count = item.count ? counts[item.count] : undefined;
              return (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  leftSection={item.icon}
                  rightSection={
                    count ? (
                      <Badge
                        size="sm"
                        variant="filled"
                        color={item.count === 'openDisputes' ? 'orange' : undefined}
                        circle={count < 10}
                        aria-label={`${count} open`}
                      >
                        {count}
                      </Badge>
                    ) : null
                  }
                  active={pathname === item.to || (!item.exact && pathname.startsWith(`${item.to}/`))}
                  onClick={onNavigate}
                  style={{ borderRadius: 6 }}
                  fw={500}
                  data-testid={`nav-${item.to.slice(1).replaceAll('/', '-')}`}
                />
              );
            })}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** A staff-only console: a partner's session (role RESELLER_*) is turned away. */
function NotStaff() {
  const { signOut } = useSignOut();
  return (
    <Alert color="yellow" variant="light" title="This console is for ISP staff">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Partners sign in at{' '}
          <a href="/portal/" style={{ color: 'inherit' }}>
            /portal/
          </a>
          .
        </Text>
        <Button size="xs" variant="light" color="yellow" onClick={() => void signOut()}>
          Sign out
        </Button>
      </Stack>
    </Alert>
  );
}

export function AdminLayout() {
  // The navbar collapses behind a burger on small screens.
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { data, error, refetch } = useQuery(AdminViewerQuery);
  const viewer = data?.me;
  const staff = viewer ? isStaffRole(viewer.role) : false;

  let main: ReactNode;
  if (viewer && staff) {
    main = (
      <ViewerProvider viewer={viewer}>
        <Outlet />
      </ViewerProvider>
    );
  } else if (viewer) {
    main = <NotStaff />;
  } else if (error) {
    main = <ErrorState error={error} title="Could not load your account" onRetry={() => void refetch()} />;
  } else {
    main = <LoadingState />;
  }

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Group gap={10} wrap="nowrap">
                <Avatar radius="md" size={30} color="indigo" variant="filled" aria-hidden>
                  RH
                </Avatar>
                <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                  Reseller Hub
                </Text>
              </Group>
            </Link>
            {/* Hidden on phones, where the header has room for the brand and the user menu only. */}
            <Divider orientation="vertical" visibleFrom="xs" my={18} />
            <Text c="dimmed" fw={500} truncate visibleFrom="xs" data-slot="isp-name">
              {viewer?.tenant.name ?? 'Admin console'}
            </Text>
          </Group>
          {viewer && <UserMenu viewer={viewer} />}
        </Group>
      </AppShell.Header>

      <AppShell.Navbar>
        {/* Scrolls on its own when the sections are taller than the window. */}
        <AppShell.Section grow component={ScrollArea} p="sm" pt="md" type="scroll">
          {viewer && staff && <Navigation role={viewer.role} onNavigate={closeNav} />}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <Box maw={1400} mx="auto">
          {main}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
