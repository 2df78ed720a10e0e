import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { formatDay, OwnerBadge } from '../features/onboarding/OnboardingSection';
import { ListTable, rowLinkProps } from '../features/lists/ListTable';
import { canReadOnboarding } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { graphql } from '../gql';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '../ui';

const AdminOverdueOnboardingTasksQuery = graphql(`
  query AdminOverdueOnboardingTasks {
    overdueOnboardingTasks {
      id
      key
      title
      dueDate
      owner
      reseller {
        id
        code
        companyName
      }
    }
  }
`);

/** Whole days from a 'YYYY-MM-DD' due date to today (UTC, as the api counts). */
function daysLate(dueDate: string): number | null {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  if (Number.isNaN(due)) return null;
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.max(0, Math.round((today - due) / 86_400_000));
}

function OverdueOnboarding() {
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(AdminOverdueOnboardingTasksQuery, { fetchPolicy: 'cache-and-network' });
  const tasks = data?.overdueOnboardingTasks;

  let body;
  if (error && !tasks) {
    body = <ErrorState error={error} title="Could not load overdue tasks" onRetry={() => void refetch()} />;
  } else if (!tasks) {
    body = <LoadingState label="Loading overdue tasks…" />;
  } else if (tasks.length === 0) {
    body = <EmptyState title="Nothing overdue" description="Every open onboarding task is within its due date." />;
  } else {
    body = (
      <ListTable refreshing={loading && !data} minWidth={800}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reseller</Table.Th>
            <Table.Th>Task</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th ta="right">Late</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="overdue-tasks-table">
          {tasks.map((task) => {
            const late = daysLate(task.dueDate);
            return (
              <Table.Tr key={task.id} data-testid="overdue-task-row" {...rowLinkProps(() => void navigate(`/resellers/${task.reseller.id}`))}>
                <Table.Td>
                  <Anchor component={Link} to={`/resellers/${task.reseller.id}`} size="sm" fw={600}>
                    {task.reseller.companyName}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {task.reseller.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{task.title}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {task.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OwnerBadge owner={task.owner} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(task.dueDate)}</Table.Td>
                <Table.Td ta="right">
                  {late !== null && (
                    <Badge color="red" variant="light" style={{ minWidth: 'max-content' }}>
                      {late} day{late === 1 ? '' : 's'}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Overdue onboarding"
        description="Open onboarding tasks past their due date, across resellers, oldest first."
        badges={tasks && tasks.length > 0 ? <Badge color="red" variant="light" size="lg">{tasks.length}</Badge> : undefined}
      />
      {body}
    </>
  );
}

export function OverdueOnboardingPage() {
  return (
    <RequireRole allowed={canReadOnboarding}>
      <OverdueOnboarding />
    </RequireRole>
  );
}
