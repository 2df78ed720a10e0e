import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Grid, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { HistoryTimeline } from '../features/audit/HistoryTimeline';
import { AssignPlanModal } from '../features/commissions/AssignPlanModal';
import { periodLabel } from '../features/commissions/period';
import { PortfolioSection } from '../features/customers/PortfolioSection';
import { OnboardingSection } from '../features/onboarding/OnboardingSection';
import { PayoutAccountCard } from '../features/payouts/PayoutAccountCard';
import { ChangeStatusModal } from '../features/resellers/ChangeStatusModal';
import { HealthCard } from '../features/success/HealthCard';
import { NEXT_RESELLER_STATUSES } from '../features/resellers/status';
import { canChangeResellerStatus, canManageCommissions } from '../features/viewer/permissions';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import { DetailList, formatDateTime, PageHeader, RecordUnavailable, SectionCard, StatusBadge, TierBadge } from '../ui';
import { businessTypeLabel, humanizeEnum, roleLabel } from '../ui/labels';

const AdminResellerDetailQuery = graphql(`
  query AdminResellerDetail($id: ID!) {
    reseller(id: $id) {
      id
      code
      companyName
      legalName
      contactName
      contactEmail
      phone
      website
      businessType
      territory
      tier
      status
      approvedAt
      statusChangedAt
      createdAt
      users {
        id
        name
        email
        role
        status
        lastLoginAt
      }
      application {
        id
        createdAt
      }
      history {
        ...HistoryTimeline_events
      }
      onboarding {
        ...OnboardingSection_checklist
      }
    }
  }
`);

export function ResellerDetailPage() {
  // Always set: the route is declared with :id.
  const { id = '' } = useParams<{ id: string }>();
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(AdminResellerDetailQuery, { variables: { id } });
  const [statusOpen, setStatusOpen] = useState(false);
  const [assignOpen, setAssignOpen] = useState(false);
  const reseller = data?.reseller;

  if (!reseller) {
    return (
      <RecordUnavailable
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading reseller…"
        notFound={{ title: 'Reseller not found', description: 'It may belong to another programme, or the link is wrong.', backTo: '/resellers', backLabel: 'Back to resellers' }}
        errorTitle="Could not load the reseller"
      />
    );
  }

  const nextStatuses = NEXT_RESELLER_STATUSES[reseller.status];
  const mayChange = canChangeResellerStatus(viewer.role);
  const mayAssignPlan = canManageCommissions(viewer.role);
  const assignButton = mayAssignPlan ? (
    <Button variant={mayChange ? 'default' : 'filled'} onClick={() => setAssignOpen(true)} data-testid="assign-plan">
      Assign commission plan
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        back={{ to: '/resellers', label: 'Resellers' }}
        title={reseller.companyName}
        badges={
          <>
            <Badge variant="default" radius="sm" ff="monospace" size="lg" tt="none">
              {reseller.code}
            </Badge>
            <StatusBadge status={reseller.status} size="lg" />
            <TierBadge tier={reseller.tier} size="lg" />
          </>
        }
        description={`Partner since ${formatDateTime(reseller.approvedAt)}`}
        actions={
          mayChange ? (
            <>
              {assignButton}
              {nextStatuses.length > 0 ? (
                <Button onClick={() => setStatusOpen(true)} data-testid="change-status-button">
                  Change status
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  Terminated partners cannot change status.
                </Text>
              )}
            </>
          ) : (
            (assignButton ?? (
              <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
                Read-only access
              </Badge>
            ))
          )
        }
      />

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <SectionCard title="Profile">
              <DetailList
                cols={3}
                items={[
                  { label: 'Code', value: <Text size="sm" ff="monospace">{reseller.code}</Text> },
                  { label: 'Company name', value: reseller.companyName },
                  { label: 'Legal name', value: reseller.legalName },
                  { label: 'Contact', value: reseller.contactName },
                  {
                    label: 'Email',
                    value: (
                      <Anchor href={`mailto:${reseller.contactEmail}`} size="sm">
                        {reseller.contactEmail}
                      </Anchor>
                    ),
                  },
                  { label: 'Phone', value: reseller.phone },
                  {
                    label: 'Website',
                    value: reseller.website ? (
                      <Anchor href={reseller.website} target="_blank" rel="noopener noreferrer" size="sm">
                        {reseller.website}
                      </Anchor>
                    ) : null,
                  },
                  { label: 'Business type', value: businessTypeLabel(reseller.businessType) },
                  { label: 'Tier', value: <TierBadge tier={reseller.tier} /> },
                  {
                    label: 'Territory',
                    wide: true,
                    value:
                      reseller.territory.length > 0 ? (
                        <Group gap={6}>
                          {reseller.territory.map((area) => (
                            <Badge key={area} variant="default" radius="sm" tt="none" fw={500}>
                              {area}
                            </Badge>
                          ))}
                        </Group>
                      ) : null,
                  },
                ]}
              />
            </SectionCard>

            <OnboardingSection checklist={reseller.onboarding} />

            <SectionCard
              title="Portal users"
              aside={
                <Text size="sm" c="dimmed">
                  {reseller.users.length}
                </Text>
              }
              flush
            >
              {reseller.users.length === 0 ? (
                <Text size="sm" c="dimmed" p="lg">
                  No portal users.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={560} type="native">
                  <Table verticalSpacing="sm" horizontalSpacing="lg" fz="sm" data-testid="reseller-users">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th>
                        <Table.Th>Role</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th>Last sign-in</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {reseller.users.map((user) => (
                        <Table.Tr key={user.id}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {user.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {user.email}
                            </Text>
                          </Table.Td>
                          <Table.Td>{roleLabel(user.role)}</Table.Td>
                          <Table.Td>
                            <StatusBadge status={user.status} />
                          </Table.Td>
                          <Table.Td>
                            {user.lastLoginAt ? (
                              formatDateTime(user.lastLoginAt)
                            ) : (
                              <Text size="sm" c="dimmed">
                                {user.status === 'INVITED' ? 'Invitation not accepted yet' : 'Never'}
                              </Text>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <SectionCard title="Status">
              <DetailList
                cols={1}
                items={[
                  { label: 'Status', value: <StatusBadge status={reseller.status} /> },
                  { label: 'Since', value: formatDateTime(reseller.statusChangedAt) },
                  { label: 'Approved', value: formatDateTime(reseller.approvedAt) },
                  {
                    label: 'Application',
                    value: reseller.application ? (
                      <Anchor component={Link} to={`/applications/${reseller.application.id}`} size="sm" data-testid="application-link">
                        Submitted {formatDateTime(reseller.application.createdAt)}
                      </Anchor>
                    ) : null,
                  },
                ]}
              />
            </SectionCard>
            <HealthCard resellerId={reseller.id} />
            <PayoutAccountCard resellerId={reseller.id} />
            <SectionCard title="History">
              <HistoryTimeline events={reseller.history} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>

      <PortfolioSection resellerId={reseller.id} />

      {mayAssignPlan && (
        <AssignPlanModal
          opened={assignOpen}
          onClose={() => setAssignOpen(false)}
          reseller={reseller}
          onAssigned={({ planName, effectiveFrom }) =>
            notifications.show({
              color: 'green',
              title: 'Commission plan assigned',
              message: `${reseller.code} earns under ${planName} from ${periodLabel(effectiveFrom)}.`,
            })
          }
        />
      )}

      {mayChange && (
        <ChangeStatusModal
          opened={statusOpen}
          onClose={() => setStatusOpen(false)}
          reseller={reseller}
          onChanged={(status) =>
            notifications.show({
              color: status === 'TERMINATED' ? 'red' : 'green',
              title: 'Status changed',
              message: `${reseller.code} is now ${humanizeEnum(status).toLowerCase()}.`,
            })
          }
          onConflict={() => void refetch()}
        />
      )}
    </>
  );
}
