import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Divider, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { hasErrorCode } from '../app/errors';
import { formatMoney } from '../features/commissions/format';
import { CompleteCustomerTaskModal } from '../features/customers/CompleteCustomerTaskModal';
import { FollowUpsCard } from '../features/customers/FollowUpsCard';
import { HealthCard } from '../features/customers/HealthCard';
import { InteractionsCard } from '../features/customers/InteractionsCard';
import { daysLabel, StageBadge, stageLabel } from '../features/customers/labels';
import { LifecycleCard } from '../features/customers/LifecycleCard';
import { LogInteractionModal } from '../features/customers/LogInteractionModal';
import { MoveStageModal } from '../features/customers/MoveStageModal';
import { PortalCustomerQueryDocument } from '../features/customers/queries';
import { TasksCard } from '../features/customers/TasksCard';
import { formatDay } from '../features/onboarding/labels';
import type { CustomerStage, CustomerTasks_TaskFragment } from '../gql/graphql';
import { EmptyState, ErrorState, formatDate, LoadingState } from '../ui';

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Back to My customers, with the filters and page the customer was opened from. */
function BackLink() {
  const { state } = useLocation();
  const listSearch = typeof state === 'object' && state !== null && 'listSearch' in state && typeof state.listSearch === 'string' ? state.listSearch : '';
  return (
    <Anchor component={Link} to={`/customers${listSearch}`} size="sm" mb="sm" display="inline-block">
      ← My customers
    </Anchor>
  );
}

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(PortalCustomerQueryDocument, { variables: { id } });
  const [moveTo, setMoveTo] = useState<CustomerStage | null>(null);
  const [logging, setLogging] = useState(false);
  const [completing, setCompleting] = useState<CustomerTasks_TaskFragment | null>(null);
  const customer = data?.customer;

  if (!customer) {
    let body;
    if (loading) body = <LoadingState label="Loading the customer…" />;
    else if (hasErrorCode(error, 'NOT_FOUND'))
      body = (
        <EmptyState
          title="Customer not found"
          description="This customer does not exist or is no longer assigned to you."
          action={
            <Button component={Link} to="/customers" variant="light">
              Back to my customers
            </Button>
          }
        />
      );
    else body = <ErrorState error={error} title="Could not load the customer" onRetry={() => void refetch()} />;
    return (
      <>
        <BackLink />
        {body}
      </>
    );
  }

  const stale = () => void refetch();

  return (
    <>
      <BackLink />
      <Stack gap="lg">
        <Card withBorder padding="lg" radius="md" data-testid="customer-header">
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" gap="md">
              <Stack gap={4} style={{ flex: '1 1 280px', minWidth: 0 }}>
                <Group gap="sm" wrap="wrap" align="center">
                  <Title order={2} style={{ overflowWrap: 'anywhere' }} data-testid="customer-name">
                    {customer.name}
                  </Title>
                  <StageBadge stage={customer.stage} size="lg" />
                </Group>
                <Text size="sm" c="dimmed">
                  {customer.externalId}
                  {customer.email ? ` · ${customer.email}` : ''}
                </Text>
              </Stack>
              {customer.allowedNextStages.length > 0 && (
                <Stack gap={6} align="flex-end" style={{ flex: '0 1 auto' }}>
                  <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
                    Move to…
                  </Text>
                  <Group gap="xs" justify="flex-end" data-testid="move-buttons">
                    {customer.allowedNextStages.map((stage) => (
                      <Button
                        key={stage}
                        size="xs"
                        variant={stage === 'CHURNED' ? 'outline' : 'light'}
                        color={stage === 'CHURNED' ? 'red' : undefined}
                        onClick={() => setMoveTo(stage)}
                        data-testid={`move-to-${stage}`}
                      >
                        {stageLabel(stage)}
                      </Button>
                    ))}
                  </Group>
                </Stack>
              )}
            </Group>
            <Divider />
            <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="lg" verticalSpacing="md">
              <Stat label="Service plan">
                <Text fw={600} c={customer.servicePlan ? undefined : 'dimmed'}>
                  {customer.servicePlan ?? '—'}
                </Text>
              </Stat>
              <Stat label="MRR">
                <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="customer-mrr">
                  {formatMoney(customer.mrr)}
                </Text>
              </Stat>
              <Stat label="Signed up">
                <Text fw={600} c={customer.signupDate ? undefined : 'dimmed'}>
                  {customer.signupDate ? formatDay(customer.signupDate) : '—'}
                </Text>
              </Stat>
              <Stat label="Stage since">
                <Text fw={600}>{formatDate(customer.stageEnteredAt)}</Text>
              </Stat>
              <Stat label="In stage">
                <Text fw={600} data-testid="customer-days-in-stage">
                  {daysLabel(customer.daysInStage)}
                </Text>
              </Stat>
            </SimpleGrid>
          </Stack>
        </Card>

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="lg">
              <InteractionsCard interactions={customer.interactions} onLog={() => setLogging(true)} />
              <LifecycleCard customer={customer} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <HealthCard customer={customer} />
              <FollowUpsCard interactions={customer.interactions} onStale={stale} />
              <TasksCard tasks={customer.tasks} onComplete={setCompleting} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>

      <MoveStageModal customer={customer} to={moveTo} onClose={() => setMoveTo(null)} onStale={stale} />
      <LogInteractionModal customer={customer} opened={logging} onClose={() => setLogging(false)} />
      <CompleteCustomerTaskModal task={completing} onClose={() => setCompleting(null)} onStale={stale} />
    </>
  );
}
