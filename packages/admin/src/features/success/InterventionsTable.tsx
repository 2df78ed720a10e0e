import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { SuccessInterventionRow_InterventionFragment } from '../../gql/graphql';
import { StatusBadge } from '../../ui';
import { ListTable } from '../lists/ListTable';
import { alertRuleLabel, formatDay, interventionTypeLabel, nextInterventionStatuses } from './health';
import { UpdateInterventionModal } from './InterventionModal';

/** "62 → 71" with the difference; "62 → …" while open. */
function ScoreBeforeAfter({ intervention }: { intervention: SuccessInterventionRow_InterventionFragment }) {
  const { scoreBefore: before, scoreAfter: after } = intervention;
  const diff = before !== null && before !== undefined && after !== null && after !== undefined ? after - before : null;
  return (
    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {before ?? '—'} → {after ?? (intervention.status === 'PLANNED' || intervention.status === 'IN_PROGRESS' ? '…' : '—')}
      {diff !== null && (
        <Text component="span" size="xs" fw={600} c={diff > 0 ? 'teal.7' : diff < 0 ? 'red.7' : 'dimmed'} ml={6}>
          ({diff > 0 ? `+${diff}` : diff})
        </Text>
      )}
    </Text>
  );
}

/**
 * Interventions: (reseller), type (and the alert it answers), owner, due (overdue flagged),
 * status, score before → after, outcome, and an Update button for the partner team.
 */
export function InterventionsTable({
  interventions,
  mayManage,
  showReseller = true,
  footer,
  refreshing,
  empty,
}: {
  interventions: readonly SuccessInterventionRow_InterventionFragment[];
  mayManage: boolean;
  showReseller?: boolean;
  footer?: ReactNode;
  refreshing?: boolean;
  empty?: string;
}) {
  const [updating, setUpdating] = useState<SuccessInterventionRow_InterventionFragment | null>(null);
  const columns = 6 + (showReseller ? 1 : 0) + (mayManage ? 1 : 0);
  return (
    <>
      <ListTable minWidth={showReseller ? 1100 : 950} footer={footer} refreshing={refreshing}>
        <Table.Thead>
          <Table.Tr>
            {showReseller && <Table.Th>Reseller</Table.Th>}
            <Table.Th>Type</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th title="The health score when it was planned → when it was done">Score before → after</Table.Th>
            <Table.Th>Outcome</Table.Th>
            {mayManage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="interventions-table">
          {interventions.map((intervention) => (
            <Table.Tr key={intervention.id} data-testid="intervention-row" data-status={intervention.status} data-overdue={intervention.overdue}>
              {showReseller && (
                <Table.Td>
                  <Anchor component={Link} to={`/success/resellers/${intervention.reseller.id}`} size="sm" fw={600} ff="monospace">
                    {intervention.reseller.code}
                  </Anchor>
                  <Text size="xs" c="dimmed" maw={200} truncate>
                    {intervention.reseller.companyName}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {interventionTypeLabel(intervention.type)}
                </Text>
                {intervention.alert && (
                  <Text size="xs" c="dimmed">
                    For: {alertRuleLabel(intervention.alert.rule)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" maw={180} truncate>
                  {intervention.owner}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" c={intervention.overdue ? 'red.7' : undefined} fw={intervention.overdue ? 600 : undefined}>
                  {formatDay(intervention.dueDate)}
                </Text>
                {intervention.overdue && (
                  <Badge size="xs" color="red" variant="light" data-testid="overdue-badge">
                    Overdue
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={intervention.status} />
              </Table.Td>
              <Table.Td>
                <ScoreBeforeAfter intervention={intervention} />
              </Table.Td>
              <Table.Td>
                {intervention.outcome ? (
                  <Text size="sm" maw={280} lineClamp={2} title={intervention.outcome}>
                    {intervention.outcome}
                  </Text>
                ) : intervention.notes ? (
                  <Text size="xs" c="dimmed" maw={280} lineClamp={2} title={intervention.notes}>
                    Notes: {intervention.notes}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              {mayManage && (
                <Table.Td ta="right">
                  {nextInterventionStatuses(intervention.status).length > 0 && (
                    <Button size="compact-xs" variant="light" onClick={() => setUpdating(intervention)} data-testid="update-intervention">
                      Update
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {interventions.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {empty ?? 'No interventions.'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </ListTable>
      {mayManage && <UpdateInterventionModal intervention={updating} onClose={() => setUpdating(null)} />}
    </>
  );
}
