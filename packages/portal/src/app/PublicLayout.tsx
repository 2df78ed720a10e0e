import { Anchor, Box, Button, Container, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { usePublicTenant } from '../features/tenant/usePublicTenant';
import { useSession } from './session';

/** Pages for visitors without a session: the ISP's header, the page, and a support footer. */
export function PublicLayout() {
  const { tenant, loading } = usePublicTenant();
  const session = useSession();
  const { pathname } = useLocation();
  useDocumentTitle(tenant ? `${tenant.name} · Partner programme` : 'Partner programme');

  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" h={64}>
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Anchor component={Link} to="/" underline="never" c="inherit" style={{ minWidth: 0 }}>
              {loading && !tenant ? (
                <Skeleton h={20} w={180} />
              ) : (
                <Text fw={700} size="lg" truncate data-testid="tenant-name">
                  {tenant?.name ?? 'Reseller Hub'}{' '}
                  <Text span c="dimmed" fw={500} inherit visibleFrom="sm">
                    Partner programme
                  </Text>
                </Text>
              )}
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              {session ? (
                <Button component={Link} to="/dashboard" variant="light">
                  Go to your portal
                </Button>
              ) : (
                <>
                  {pathname !== '/login' && (
                    <Button component={Link} to="/login" variant="subtle" color="gray">
                      Sign in
                    </Button>
                  )}
                  {!pathname.startsWith('/apply') && (
                    <Button component={Link} to="/apply" visibleFrom="xs">
                      Become a partner
                    </Button>
                  )}
                </>
              )}
            </Group>
          </Group>
        </Container>
      </Box>

      <Box component="main" py={{ base: 'lg', sm: 48 }} style={{ flex: 1 }}>
        <Outlet />
      </Box>

      <Box component="footer" py="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Stack gap={4} align="center" ta="center">
            {tenant && (
              <Text size="sm" c="dimmed">
                Questions about the partner programme? Write to{' '}
                <Anchor href={`mailto:${tenant.supportEmail}`} size="sm">
                  {tenant.supportEmail}
                </Anchor>
              </Text>
            )}
            <Text size="xs" c="dimmed">
              Partner portal powered by Reseller Hub
            </Text>
          </Stack>
        </Container>
      </Box>
    </Box>
  );
}
