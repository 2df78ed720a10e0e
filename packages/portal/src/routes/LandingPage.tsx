import { Alert, Anchor, Button, Card, Container, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { appHref } from '../app/env';
import { useSession } from '../app/session';
import { usePublicTenant } from '../features/tenant/usePublicTenant';
import { ErrorState } from '../ui';

const BENEFITS = [
  {
    title: 'Sell a service people need',
    text: 'Offer reliable home and business internet to the customers you already serve, backed by our network and support.',
  },
  {
    title: 'One portal for your business',
    text: 'Follow your customers, your onboarding checklist and your account details in one place.',
  },
  {
    title: 'Commissions you can check',
    text: 'Every commission line shows how it was calculated, so you always know what you are owed and why.',
  },
];

const STEPS = [
  { title: 'Apply', text: 'Tell us about your business, your territory and the services you want to sell.' },
  { title: 'Review', text: 'Our partner team reviews your application and emails you the decision.' },
  { title: 'Get set up', text: 'Set your password, sign the agreement and work through a guided onboarding checklist.' },
  { title: 'Grow and earn', text: 'Bring customers, track them in the portal and get paid commission.' },
];

export function LandingPage() {
  const { tenant, loading, error, refetch } = usePublicTenant();
  const session = useSession();

  return (
    <Container size="md">
      <Stack gap={48}>
        <Stack gap="lg" align="center" ta="center" pt={{ base: 0, sm: 'md' }}>
          {error && <ErrorState error={error} title="Could not load the partner programme" onRetry={() => void refetch()} />}
          {tenant === null && (
            <Alert color="yellow" variant="light" title="Unknown partner programme" ta="left">
              This link names a partner programme we do not know.{' '}
              <Anchor href={appHref('/?tenant=')} inherit>
                Go to the default programme
              </Anchor>.
            </Alert>
          )}
          {loading && !tenant ? (
            <Stack gap="sm" align="center" w="100%">
              <Skeleton h={40} w="70%" />
              <Skeleton h={20} w="85%" />
            </Stack>
          ) : (
            <Stack gap="sm" align="center">
              <Title order={1} fz={{ base: 30, sm: 44 }} lh={1.15}>
                {tenant ? `Become a ${tenant.name} partner` : 'Become a partner'}
              </Title>
              <Text c="dimmed" size="lg" maw={620}>
                Resell {tenant ? `${tenant.name}'s` : 'our'} internet service to homes and businesses in your area.
                Apply online, get onboarded by our partner team, and earn commission on every customer you bring.
              </Text>
            </Stack>
          )}
          <Group justify="center">
            <Button component={Link} to="/apply" size="md">
              Become a partner
            </Button>
            {session ? (
              <Button component={Link} to="/dashboard" size="md" variant="default">
                Go to your portal
              </Button>
            ) : (
              <Button component={Link} to="/login" size="md" variant="default">
                Sign in
              </Button>
            )}
          </Group>
        </Stack>

        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {BENEFITS.map((benefit) => (
            <Card key={benefit.title} withBorder padding="lg" radius="md">
              <Text fw={600} mb={6}>
                {benefit.title}
              </Text>
              <Text size="sm" c="dimmed">
                {benefit.text}
              </Text>
            </Card>
          ))}
        </SimpleGrid>

        <Stack gap="md">
          <Title order={2} ta="center" fz={{ base: 22, sm: 26 }}>
            How it works
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
            {STEPS.map((step, index) => (
              <Stack key={step.title} gap={6}>
                <ThemeIcon variant="light" radius="xl" size="lg">
                  <Text fw={700} size="sm">
                    {index + 1}
                  </Text>
                </ThemeIcon>
                <Text fw={600}>{step.title}</Text>
                <Text size="sm" c="dimmed">
                  {step.text}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      </Stack>
    </Container>
  );
}
