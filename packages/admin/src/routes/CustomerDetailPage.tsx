import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Grid, Group, Progress, RingProgress, Stack, Table, Text, Timeline, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../app/errors';
import { AssignCustomerModal } from '../features/customers/AssignCustomerModal';
import { useCompleteCustomerFollowUp, useCompleteCustomerTask } from '../features/customers/customers';
import { LogInteractionModal } from '../features/customers/LogInteractionModal';
import { MoveStageModal } from '../features/customers/MoveStageModal';
import {
  healthColor,
  healthComponentLabel,
  HealthBadge,
  interactionTypeLabel,
  OUTCOME_COLORS,
  StageBadge,
  stageLabel,
  taskTypeLabel,
} from '../features/customers/stages';
import { formatMoney } from '../features/commissions/money';
import { formatDay } from '../features/onboarding/OnboardingSection';
import { canManageCustomers, canReadCustomers } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { CustomerDetail_CustomerFragment, CustomerStage } from '../gql/graphql';
import { DetailList, formatDateTime, formatNumber, PageHeader, RecordUnavailable, SectionCard } from '../ui';
import { IconCheck } from '../ui/icons';
import { humanizeEnum } from '../ui/labels';

const AdminCustomerDetailQuery = graphql(`
  query AdminCustomerDetail($id: ID!) {
    customer(id: $id) {
      ...CustomerDetail_customer
    }
  }
`);

type Customer = CustomerDetail_CustomerFragment;

/** "12.5 days" → "12.5 d"; whole days without the decimal. */
function daysText(days: number): string {
  return `${Number.isInteger(days) ? formatNumber(days) : days.toFixed(1)} d`;
}

function HealthCard({ customer }: { customer: Customer }) {
  const score = customer.healthScore;
  return (
    <SectionCard
      title="Health"
      aside={
        <Text size="xs" c="dimmed">
          {customer.healthComputedAt ? `Scored ${formatDateTime(customer.healthComputedAt)}` : 'Not scored yet'}
        </Text>
      }
    >
      <Group gap="lg" align="center" wrap="nowrap" mb="md">
        <RingProgress
          size={96}
          thickness={9}
          roundCaps
          sections={score === null || score === undefined ? [] : [{ value: score, color: healthColor(score) }]}
          label={
            <Text ta="center" fw={700} fz={22} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="health-score">
              {score ?? '—'}
            </Text>
          }
        />
        <Text size="sm" c="dimmed">
          {score === null || score === undefined
            ? 'The nightly scoring has not scored this customer yet (or there is no data).'
            : score < 40
              ? 'Below 40: an active customer at this score moves to at-risk.'
              : score < 70
                ? 'Watch: between 40 and 70.'
                : 'Healthy.'}
        </Text>
      </Group>
      {customer.healthComponents.length > 0 && (
        <Stack gap="sm" data-testid="health-components">
          {customer.healthComponents.map((component) => (
            <Stack key={component.key} gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{healthComponentLabel(component.key)}</Text>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {component.score === null || component.score === undefined ? 'No data' : Math.round(component.score)}
                  </Text>
                  <Tooltip label="Weight in the score" withArrow>
                    <Badge size="xs" variant="default" fw={500}>
                      {component.weight}%
                    </Badge>
                  </Tooltip>
                </Group>
              </Group>
              <Progress
                value={component.score ?? 0}
                color={component.score === null || component.score === undefined ? 'gray' : healthColor(component.score)}
                size="sm"
                radius="xl"
                aria-label={healthComponentLabel(component.key)}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function AssignmentCard({ customer, mayManage, onAssign }: { customer: Customer; mayManage: boolean; onAssign: () => void }) {
  const assignments = [...customer.assignments].reverse();
  return (
    <SectionCard
      title="Assignment"
      flush
      aside={
        mayManage ? (
          <Button size="xs" variant={customer.reseller ? 'default' : 'filled'} onClick={onAssign} data-testid={customer.reseller ? 'reassign-customer' : 'assign-customer'}>
            {customer.reseller ? 'Reassign' : 'Assign'}
          </Button>
        ) : null
      }
    >
      <Group px="lg" py="md" gap="sm" data-testid="current-reseller">
        <Text size="sm" c="dimmed">
          Current reseller
        </Text>
        {customer.reseller ? (
          <Group gap={6}>
            <Anchor component={Link} to={`/resellers/${customer.reseller.id}`} ff="monospace" size="sm" fw={600}>
              {customer.reseller.code}
            </Anchor>
            <Text size="sm" fw={600}>
              {customer.reseller.companyName}
            </Text>
          </Group>
        ) : (
          <Badge variant="light" color="gray">
            Unassigned
          </Badge>
        )}
      </Group>
      {assignments.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          Never assigned to a reseller.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="xs" horizontalSpacing="lg" fz="sm" data-testid="assignment-history" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Table.Thead style={{ background: 'var(--mantine-color-gray-0)' }}>
              <Table.Tr>
                <Table.Th>Reseller</Table.Th>
                <Table.Th>From</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.map((assignment) => (
                <Table.Tr key={assignment.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/resellers/${assignment.reseller.id}`} ff="monospace" size="sm" fw={600}>
                      {assignment.reseller.code}
                    </Anchor>{' '}
                    <Text span size="sm">
                      {assignment.reseller.companyName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(assignment.fromDate)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {assignment.toDate ? (
                      formatDay(assignment.toDate)
                    ) : (
                      <Badge size="sm" variant="light" color="green" style={{ minWidth: 'max-content' }}>
                        Current
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={assignment.reason ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                      {assignment.reason ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

function LifecycleCard({ customer, mayManage, onMove }: { customer: Customer; mayManage: boolean; onMove: (stage: CustomerStage) => void }) {
  const longest = customer.timeInStages.reduce((max, t) => Math.max(max, t.days), 0);
  return (
    <SectionCard
      title="Lifecycle"
      aside={
        <Text size="xs" c="dimmed">
          {customer.transitions.length} move{customer.transitions.length === 1 ? '' : 's'}
        </Text>
      }
    >
      <Stack gap="lg">
        <Stack gap={6}>
          <Group gap="xs">
            <StageBadge stage={customer.stage} size="lg" />
            <Text size="sm" c="dimmed">
              for {formatNumber(customer.daysInStage)} day{customer.daysInStage === 1 ? '' : 's'}, since {formatDateTime(customer.stageEnteredAt)}
            </Text>
          </Group>
          {mayManage && customer.allowedNextStages.length > 0 && (
            <Group gap={6} data-testid="allowed-moves">
              <Text size="xs" c="dimmed" mr={2}>
                Move to
              </Text>
              {customer.allowedNextStages.map((stage) => (
                <Button key={stage} size="compact-xs" variant="light" color={stage === 'CHURNED' ? 'red' : undefined} onClick={() => onMove(stage)} data-testid={`move-to-${stage}`}>
                  {stageLabel(stage)}
                </Button>
              ))}
            </Group>
          )}
          {customer.allowedNextStages.length === 0 && (
            <Text size="xs" c="dimmed">
              No moves from this stage.
            </Text>
          )}
        </Stack>

        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6} style={{ letterSpacing: 0.4 }}>
            Time in stage
          </Text>
          <Stack gap={6} data-testid="time-in-stages">
            {customer.timeInStages.map((time) => (
              <Group key={time.stage} gap="sm" wrap="nowrap">
                <Text size="xs" w={92} style={{ flexShrink: 0 }}>
                  {stageLabel(time.stage)}
                </Text>
                <Progress value={longest > 0 ? (time.days / longest) * 100 : 0} size="md" radius="sm" color={time.stage === customer.stage ? 'indigo' : 'gray.5'} style={{ flex: 1 }} aria-label={stageLabel(time.stage)} />
                <Text size="xs" w={64} ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
                  {daysText(time.days)}
                </Text>
                {time.visits > 1 && (
                  <Tooltip label={`${time.visits} visits`} withArrow>
                    <Badge size="xs" variant="default">
                      ×{time.visits}
                    </Badge>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        </div>

        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb="sm" style={{ letterSpacing: 0.4 }}>
            Moves
          </Text>
          {customer.transitions.length === 0 ? (
            <Text size="sm" c="dimmed">
              No moves recorded.
            </Text>
          ) : (
            <Timeline active={customer.transitions.length - 1} bulletSize={12} lineWidth={2} data-testid="transitions">
              {customer.transitions.map((move) => (
                <Timeline.Item
                  key={move.id}
                  title={
                    <Group gap={6}>
                      {move.fromStage ? (
                        <>
                          <StageBadge stage={move.fromStage} size="sm" />
                          <Text size="xs" c="dimmed">
                            →
                          </Text>
                        </>
                      ) : (
                        <Text size="xs" c="dimmed">
                          Created in
                        </Text>
                      )}
                      <StageBadge stage={move.toStage} size="sm" />
                    </Group>
                  }
                >
                  {move.reason && (
                    <Text size="sm" mt={4} c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
                      “{move.reason}”
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" mt={4}>
                    {move.actor} · {formatDateTime(move.at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </div>
      </Stack>
    </SectionCard>
  );
}

function TasksCard({ customer, mayManage }: { customer: Customer; mayManage: boolean }) {
  const [complete] = useCompleteCustomerTask();
  const [busy, setBusy] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const open = customer.tasks.filter((task) => task.status === 'OPEN').length;

  async function markDone(task: Customer['tasks'][number]) {
    setBusy(task.id);
    try {
      await complete({ variables: { input: { taskId: task.id } } });
      notifications.show({ color: 'green', title: 'Task done', message: task.title });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not complete the task', message: errorMessage(caught) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <SectionCard title="Tasks" aside={<Text size="sm" c="dimmed">{open} open</Text>} flush>
      {customer.tasks.length === 0 ? (
        <Text size="sm" c="dimmed" p="lg">
          No lifecycle tasks: entering a stage creates them (welcome, account manager, onboarding, retention, exit survey…).
        </Text>
      ) : (
        <Stack gap={0} data-testid="customer-tasks">
          {customer.tasks.map((task) => {
            const done = task.status === 'DONE';
            const overdue = !done && task.dueDate < today;
            return (
              <Group key={task.id} justify="space-between" wrap="nowrap" px="lg" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="customer-task" data-status={task.status}>
                <Stack gap={2} miw={0}>
                  <Group gap="xs" wrap="wrap">
                    {done && <IconCheck size={16} color="var(--mantine-color-green-7)" />}
                    <Text size="sm" fw={600} c={done ? 'dimmed' : undefined} td={done ? 'line-through' : undefined}>
                      {task.title}
                    </Text>
                    <Badge size="xs" variant="default" fw={500} tt="none">
                      {taskTypeLabel(task.type)}
                    </Badge>
                    {overdue && (
                      <Badge size="xs" color="red" variant="filled">
                        Overdue
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {done
                      ? `Done ${formatDateTime(task.completedAt)}${task.completedBy ? ` by ${task.completedBy}` : ''}`
                      : `Due ${formatDay(task.dueDate)} · from entering ${stageLabel(task.stage).toLowerCase()}`}
                  </Text>
                  {task.note && (
                    <Text size="xs" fs="italic">
                      “{task.note}”
                    </Text>
                  )}
                </Stack>
                {!done && mayManage && (
                  <Button size="xs" variant="light" leftSection={<IconCheck size={14} />} loading={busy === task.id} onClick={() => void markDone(task)} style={{ flexShrink: 0 }} data-testid="complete-customer-task">
                    Mark done
                  </Button>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </SectionCard>
  );
}

function InteractionsCard({ customer, mayManage, onLog }: { customer: Customer; mayManage: boolean; onLog: () => void }) {
  const [completeFollowUp] = useCompleteCustomerFollowUp();
  const today = new Date().toISOString().slice(0, 10);

  async function followUpDone(id: string) {
    try {
      await completeFollowUp({ variables: { input: { interactionId: id } } });
      notifications.show({ color: 'green', title: 'Follow-up done', message: 'It no longer shows in the reseller’s work list.' });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not mark the follow-up done', message: errorMessage(caught) });
    }
  }

  return (
    <SectionCard
      title="Interactions"
      flush
      aside={
        mayManage ? (
          <Button size="xs" variant="light" onClick={onLog} data-testid="log-interaction">
            Log interaction
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {customer.interactions.length}
          </Text>
        )
      }
    >
      {customer.interactions.length === 0 ? (
        <Text size="sm" c="dimmed" p="lg">
          No interactions logged.
        </Text>
      ) : (
        <Stack gap={0} data-testid="interactions">
          {customer.interactions.map((interaction) => {
            const followUpOpen = interaction.followUpOn && !interaction.followUpDoneAt;
            return (
              <Stack key={interaction.id} gap={4} px="lg" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="interaction">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>
                      {interactionTypeLabel(interaction.type)}
                    </Text>
                    <Badge size="sm" variant="light" color={OUTCOME_COLORS[interaction.outcome] ?? 'gray'}>
                      {humanizeEnum(interaction.outcome)}
                    </Badge>
                    {interaction.satisfaction !== null && interaction.satisfaction !== undefined && (
                      <Badge size="sm" variant="outline" color={interaction.satisfaction >= 7 ? 'green' : interaction.satisfaction >= 4 ? 'yellow' : 'red'}>
                        Satisfaction {interaction.satisfaction}/10
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDay(interaction.occurredOn)}
                    {interaction.durationMinutes ? ` · ${interaction.durationMinutes} min` : ''}
                  </Text>
                </Group>
                {interaction.notes && (
                  <Text size="sm" c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
                    {interaction.notes}
                  </Text>
                )}
                <Group justify="space-between" gap="xs">
                  <Text size="xs" c="dimmed">
                    Logged by {interaction.loggedBy}
                    {interaction.followUpOn && (
                      <>
                        {' · '}
                        <Text span size="xs" c={followUpOpen && interaction.followUpOn < today ? 'red.7' : 'dimmed'} fw={followUpOpen ? 600 : undefined}>
                          Follow-up {formatDay(interaction.followUpOn)}
                          {interaction.followUpDoneAt ? ' (done)' : followUpOpen && interaction.followUpOn < today ? ' (overdue)' : ''}
                        </Text>
                      </>
                    )}
                  </Text>
                  {followUpOpen && mayManage && (
                    <Button size="compact-xs" variant="subtle" onClick={() => void followUpDone(interaction.id)}>
                      Follow-up done
                    </Button>
                  )}
                </Group>
              </Stack>
            );
          })}
        </Stack>
      )}
    </SectionCard>
  );
}

function CustomerDetail() {
  const { id = '' } = useParams<{ id: string }>();
  const { role } = useViewer();
  const mayManage = canManageCustomers(role);
  const { data, loading, error, refetch } = useQuery(AdminCustomerDetailQuery, { variables: { id } });
  const [assignOpen, setAssignOpen] = useState(false);
  const [moveTo, setMoveTo] = useState<CustomerStage | null>(null);
  const [moveOpen, setMoveOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const customer = data?.customer;

  if (!customer) {
    return (
      <RecordUnavailable
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading customer…"
        notFound={{ title: 'Customer not found', description: 'It may belong to another programme, or the link is wrong.', backTo: '/customers', backLabel: 'Back to customers' }}
        errorTitle="Could not load the customer"
      />
    );
  }

  const current = customer.assignments.find((a) => !a.toDate);
  function openMove(stage: CustomerStage | null) {
    setMoveTo(stage);
    setMoveOpen(true);
  }

  return (
    <>
      <PageHeader
        back={{ to: '/customers', label: 'Customers' }}
        title={customer.name}
        badges={
          <>
            <Badge variant="default" radius="sm" ff="monospace" size="lg" tt="none">
              {customer.externalId}
            </Badge>
            <StageBadge stage={customer.stage} size="lg" />
            <Tooltip label="Health score" withArrow>
              <span>
                <HealthBadge score={customer.healthScore} size="lg" />
              </span>
            </Tooltip>
          </>
        }
        description={[customer.servicePlan, `${formatMoney(customer.mrr)} MRR`, customer.reseller ? `${customer.reseller.code} · ${customer.reseller.companyName}` : 'Unassigned'].filter(Boolean).join(' · ')}
        actions={
          mayManage ? (
            <>
              <Button variant="default" onClick={() => setLogOpen(true)}>
                Log interaction
              </Button>
              <Button onClick={() => openMove(null)} disabled={customer.allowedNextStages.length === 0} data-testid="move-stage">
                Move stage
              </Button>
            </>
          ) : (
            <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
              Read-only access
            </Badge>
          )
        }
      />

      {error && (
        <Alert color="red" variant="light" mb="md" title="Could not refresh the customer">
          {errorMessage(error)}
        </Alert>
      )}

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <SectionCard title="Customer">
              <DetailList
                cols={3}
                items={[
                  { label: 'External id', value: <Text size="sm" ff="monospace">{customer.externalId}</Text> },
                  { label: 'Name', value: customer.name },
                  {
                    label: 'Email',
                    value: customer.email ? (
                      <Anchor href={`mailto:${customer.email}`} size="sm">
                        {customer.email}
                      </Anchor>
                    ) : null,
                  },
                  { label: 'Service plan', value: customer.servicePlan },
                  { label: 'MRR', value: <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(customer.mrr)}</Text> },
                  { label: 'Signup date', value: customer.signupDate ? formatDay(customer.signupDate) : null },
                  {
                    label: 'Stage',
                    value: (
                      <Group gap={6}>
                        <StageBadge stage={customer.stage} />
                        <Text size="sm" c="dimmed">
                          {formatNumber(customer.daysInStage)} day{customer.daysInStage === 1 ? '' : 's'}
                        </Text>
                      </Group>
                    ),
                  },
                  { label: 'Health', value: <HealthBadge score={customer.healthScore} /> },
                  { label: 'Usage', value: customer.usagePercent === null || customer.usagePercent === undefined ? null : `${customer.usagePercent}% of plan` },
                ]}
              />
            </SectionCard>
            <AssignmentCard customer={customer} mayManage={mayManage} onAssign={() => setAssignOpen(true)} />
            <TasksCard customer={customer} mayManage={mayManage} />
            <InteractionsCard customer={customer} mayManage={mayManage} onLog={() => setLogOpen(true)} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <HealthCard customer={customer} />
            <LifecycleCard customer={customer} mayManage={mayManage} onMove={(stage) => openMove(stage)} />
          </Stack>
        </Grid.Col>
      </Grid>

      {mayManage && (
        <>
          <AssignCustomerModal
            opened={assignOpen}
            onClose={() => setAssignOpen(false)}
            customer={{ id: customer.id, name: customer.name, reseller: customer.reseller, currentFrom: current?.fromDate ?? null }}
            onConflict={() => void refetch()}
          />
          <MoveStageModal opened={moveOpen} onClose={() => setMoveOpen(false)} customer={customer} initialStage={moveTo} onConflict={() => void refetch()} />
          <LogInteractionModal opened={logOpen} onClose={() => setLogOpen(false)} customer={customer} />
        </>
      )}
    </>
  );
}

export function CustomerDetailPage() {
  return (
    <RequireRole allowed={canReadCustomers}>
      <CustomerDetail />
    </RequireRole>
  );
}
