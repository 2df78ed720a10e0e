import { Anchor, Box, Container, Group, Paper, Text } from '@mantine/core';
import { Link, Outlet } from 'react-router';

/** Pages for visitors without a session: a brand line and one centered card. */
export function PublicLayout() {
  return (
    <Box mih="100vh" bg="gray.0" py={48}>
      <Container size="sm">
        <Group justify="center" mb="lg">
          <Anchor component={Link} to="/" underline="never" c="inherit">
            <Text fw={700} size="lg">
              Reseller Hub{' '}
              <Text span c="dimmed" fw={500} inherit>
                Admin console
              </Text>
            </Text>
          </Anchor>
        </Group>
        <Paper withBorder shadow="xs" p="xl">
          <Outlet />
        </Paper>
      </Container>
    </Box>
  );
}
