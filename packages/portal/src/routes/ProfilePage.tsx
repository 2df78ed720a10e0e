import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { BUSINESS_TYPE_LABELS } from '../features/applications/labels';
import { EditContactModal } from '../features/profile/EditContactModal';
import { PortalProfileQueryDocument } from '../features/profile/queries';
import { ResellerUsersTable } from '../features/profile/ResellerUsersTable';
import type { ResellerStatus } from '../gql/graphql';
import { ErrorState, formatDate, LoadingState, PageHeader, StatusBadge, TierBadge } from '../ui';

/** What the partner's status means for them; ACTIVE needs no explanation. */
const STATUS_NOTES: Partial<Record<ResellerStatus, { color: string; title: string; text: string; link?: { to: string; label: string } }>> = {
  ONBOARDING: {
    color: 'cyan',
    title: 'Onboarding in progress',
    text: 'Your partner account becomes active once every onboarding task is complete. Your partner manager will guide you through it.',
    link: { to: '/onboarding', label: 'See your onboarding checklist' },
  },
  SUSPENDED: {
    color: 'yellow',
    title: 'Account suspended',
    text: 'Your partner account is suspended. Contact your partner manager to find out what is needed to restore it.',
  },
  TERMINATED: {
    color: 'red',
    title: 'Partnership ended',
    text: 'This partner account has been terminated.',
  },
};

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function ProfilePage() {
  const { data, loading, error, refetch } = useQuery(PortalProfileQueryDocument);
  const [editOpen, edit] = useDisclosure(false);

  if (!data) {
    return (
      <>
        <PageHeader title="Company profile" />
        {loading ? (
          <LoadingState label="Loading your profile…" />
        ) : (
          <ErrorState error={error} title="Could not load your profile" onRetry={() => void refetch()} />
        )}
      </>
    );
  }

  const { me, myReseller: reseller } = data;
  const isOwner = me.role === 'RESELLER_OWNER';
  const statusNote = STATUS_NOTES[reseller.status];

  return (
    <>
      <PageHeader
        title="Company profile"
        description="Your partner account as the ISP sees it."
        actions={
          isOwner && (
            <Button variant="light" onClick={edit.open}>
              Edit contact details
            </Button>
          )
        }
      />

      <Stack gap="lg">
        {statusNote && (
          <Alert color={statusNote.color} variant="light" title={statusNote.title} data-testid="status-note">
            <Stack gap={6} align="flex-start">
              <Text size="sm">{statusNote.text}</Text>
              {statusNote.link && (
                <Anchor component={Link} to={statusNote.link.to} size="sm" fw={600} data-testid="onboarding-link">
                  {statusNote.link.label} →
                </Anchor>
              )}
            </Stack>
          </Alert>
        )}

        <Card withBorder padding="lg" radius="md">
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Title order={3} style={{ overflowWrap: 'anywhere' }}>
                  {reseller.companyName}
                </Title>
                <Text size="sm" c="dimmed">
                  Partner code{' '}
                  <Text span ff="monospace" fw={600} c="dark" data-testid="reseller-code">
                    {reseller.code}
                  </Text>
                </Text>
              </Stack>
              <Group gap="xs">
                <StatusBadge status={reseller.status} />
                <TierBadge tier={reseller.tier} />
              </Group>
            </Group>

            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" verticalSpacing="lg">
              <Detail label="Legal name">{reseller.legalName}</Detail>
              <Detail label="Business type">{BUSINESS_TYPE_LABELS[reseller.businessType]}</Detail>
              <Detail label="Partner since">{formatDate(reseller.approvedAt)}</Detail>
              <Detail label="Contact">{reseller.contactName}</Detail>
              <Detail label="Contact email">
                <Anchor href={`mailto:${reseller.contactEmail}`} size="sm">
                  {reseller.contactEmail}
                </Anchor>
              </Detail>
              <Detail label="Phone">{reseller.phone}</Detail>
              <Detail label="Website">
                {reseller.website ? (
                  <Anchor href={reseller.website} target="_blank" rel="noopener noreferrer" size="sm">
                    {reseller.website}
                  </Anchor>
                ) : (
                  <Text span c="dimmed" size="sm">
                    None
                  </Text>
                )}
              </Detail>
            </SimpleGrid>

            <Stack gap={6}>
              <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
                Territory
              </Text>
              <Group gap={6}>
                {reseller.territory.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No territory on file
                  </Text>
                ) : (
                  reseller.territory.map((region) => (
                    <Badge key={region} variant="light" size="lg" radius="sm" tt="none" fw={500}>
                      {region}
                    </Badge>
                  ))
                )}
              </Group>
            </Stack>

            {!isOwner && (
              <Text size="sm" c="dimmed">
                Only the account owner can change these details and see the account&apos;s users.
              </Text>
            )}
          </Stack>
        </Card>

        {isOwner && <ResellerUsersTable currentUserId={me.user?.id} />}

        {isOwner && <EditContactModal opened={editOpen} onClose={edit.close} reseller={reseller} />}
      </Stack>
    </>
  );
}
