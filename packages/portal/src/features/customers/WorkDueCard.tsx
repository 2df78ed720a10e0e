import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../ui';
import { plural } from '../commissions/format';
import { formatDay } from '../onboarding/labels';
import { INTERACTION_TYPE_LABELS, isOverdue, TASK_TYPE_LABELS } from './labels';
import { PortalCustomerWorkDueQueryDocument } from './queries';

type WorkItem = {
  key: string;
  kind: 'Follow-up' | 'Task';
  title: string;
  detail: string;
  due: string;
  customer: { id: string; name: string };
};

/** How far ahead the card looks (overdue work is always included). */
const WITHIN_DAYS = 7;
/** Items shown before "Show all": the list page stays about the customers. */
const COLLAPSED = 5;

/** Open follow-ups and lifecycle tasks due in the next 7 days or overdue, soonest first. */
export function WorkDueCard() {
  const { data, loading, error, refetch } = useQuery(PortalCustomerWorkDueQueryDocument, { variables: { withinDays: WITHIN_DAYS } });
  const work = data?.myCustomerWorkDue;
  const [expanded, setExpanded] = useState(false);

  let body;
  if (work) {
    const items: WorkItem[] = [
      ...work.followUps.map((followUp) => ({
        key: `f-${followUp.id}`,
        kind: 'Follow-up' as const,
        title: `Follow up on the ${INTERACTION_TYPE_LABELS[followUp.type].toLowerCase()} of ${formatDay(followUp.occurredOn)}`,
        detail: followUp.notes ?? '',
        due: followUp.followUpOn ?? '',
        customer: followUp.customer,
      })),
      ...work.tasks.map((task) => ({
        key: `t-${task.id}`,
        kind: 'Task' as const,
        title: task.title,
        detail: TASK_TYPE_LABELS[task.type] ?? '',
        due: task.dueDate,
        customer: task.customer,
      })),
    ].sort((a, b) => a.due.localeCompare(b.due) || a.customer.name.localeCompare(b.customer.name));
    const overdue = items.filter((item) => isOverdue(item.due)).length;

    body =
      items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing due in the next {WITHIN_DAYS} days. Follow-ups you set when logging an interaction, and the tasks a lifecycle move creates, appear here.
        </Text>
      ) : (
        <Stack gap={0}>
          <Text size="sm" c="dimmed" mb="xs">
            {plural(items.length, 'item')}
            {overdue > 0 ? `, ${overdue} overdue` : ''}.
          </Text>
          <Stack gap={0}>
            {(expanded ? items : items.slice(0, COLLAPSED)).map((item) => {
              const late = isOverdue(item.due);
              return (
                <Group
                  key={item.key}
                  justify="space-between"
                  gap="sm"
                  wrap="nowrap"
                  py={8}
                  style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
                  data-testid="work-due-item"
                  data-overdue={late}
                >
                  <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                      <Badge size="xs" variant="light" color={item.kind === 'Task' ? 'grape' : 'blue'} style={{ flexShrink: 0 }}>
                        {item.kind}
                      </Badge>
                      <Anchor component={Link} to={`/customers/${item.customer.id}`} size="sm" fw={600} truncate>
                        {item.customer.name}
                      </Anchor>
                    </Group>
                    <Text size="sm" truncate>
                      {item.title}
                    </Text>
                  </Stack>
                  <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                    <Text size="sm" c={late ? 'red.7' : 'dimmed'} fw={late ? 600 : undefined}>
                      {formatDay(item.due)}
                    </Text>
                    {late && (
                      <Badge size="xs" color="red" variant="filled">
                        Overdue
                      </Badge>
                    )}
                  </Stack>
                </Group>
              );
            })}
          </Stack>
          {items.length > COLLAPSED && (
            <Group pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <Button variant="subtle" size="xs" onClick={() => setExpanded((value) => !value)} data-testid="work-due-toggle">
                {expanded ? 'Show fewer' : `Show all ${items.length}`}
              </Button>
            </Group>
          )}
        </Stack>
      );
  } else if (loading) {
    body = (
      <Stack gap="xs">
        <Skeleton h={18} />
        <Skeleton h={18} />
        <Skeleton h={18} w="70%" />
      </Stack>
    );
  } else {
    body = <ErrorState error={error} title="Could not load the work due" onRetry={() => void refetch()} />;
  }

  return (
    <Card withBorder padding="lg" radius="md" data-testid="work-due">
      <Text fw={600} size="lg">
        Due this week
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        Open follow-ups and lifecycle tasks due in the next {WITHIN_DAYS} days, overdue ones included.
      </Text>
      {body}
    </Card>
  );
}
