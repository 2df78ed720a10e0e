import { Avatar, Box, Container, Group, Paper, Stack, Text } from '@mantine/core';
import { Outlet } from 'react-router';
import { usePublicTenant } from '../features/viewer/publicTenant';

/** Pages for visitors without a session: the brand, the ISP's name and one centered card. */
export function PublicLayout() {
  const { tenant } = usePublicTenant();
  return (
    <Box mih="100vh" bg="gray.0" py={72}>
      <Container size={440}>
        <Stack align="center" gap={6} mb="xl">
          <Group gap={10}>
            <Avatar radius="md" size={36} color="indigo" variant="filled" aria-hidden>
              RH
            </Avatar>
            <Text fw={700} size="xl">
              Reseller Hub
            </Text>
          </Group>
          <Text c="dimmed" size="sm" data-slot="isp-name">
            {tenant ? `${tenant.name} · Admin console` : 'Admin console'}
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Outlet />
        </Paper>
      </Container>
    </Box>
  );
}
