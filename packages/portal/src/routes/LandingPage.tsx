import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function LandingPage() {
  return (
    <Stack gap="lg" align="center" ta="center" py="md">
      <Stack gap="xs">
        <Title order={1}>Sell our internet service</Title>
        <Text c="dimmed" size="lg">
          Become a reseller partner: refer customers, track your accounts and get paid commission.
        </Text>
      </Stack>
      <Group justify="center">
        <Button component={Link} to="/apply" size="md">
          Become a partner
        </Button>
        <Button component={Link} to="/login" size="md" variant="default">
          Sign in
        </Button>
      </Group>
    </Stack>
  );
}
