import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../app/errors';
import type { SuccessAlertRow_AlertFragment } from '../../gql/graphql';
import { formatDate, formatDateTime, StatusBadge } from '../../ui';
import { ListTable } from '../lists/ListTable';
import { PlanInterventionModal, ResolveAlertModal } from './AlertModals';
import { SeverityBadge } from './badges';
import { alertRuleLabel } from './health';
import { useAcknowledgeAlert, useRefetchOnConflict } from './success';

const timeFormat = new Intl.DateTimeFormat('en-US', { timeStyle: 'short' });
const formatTime = (value: string) => timeFormat.format(new Date(value));

/** Acknowledge / Resolve / Plan intervention for one alert, and the dialogs they open. */
function useAlertActions(compact: boolean) {
  const [acknowledge, ackState] = useAcknowledgeAlert();
  const refetchOnConflict = useRefetchOnConflict();
  const [acknowledging, setAcknowledging] = useState<string | null>(null);
  const [resolving, setResolving] = useState<SuccessAlertRow_AlertFragment | null>(null);
  const [planning, setPlanning] = useState<SuccessAlertRow_AlertFragment | null>(null);

  async function onAcknowledge(alert: SuccessAlertRow_AlertFragment) {
    setAcknowledging(alert.id);
    try {
      await acknowledge({ variables: { input: { alertId: alert.id } } });
      notifications.show({ color: 'blue', title: 'Alert acknowledged', message: `${alertRuleLabel(alert.rule)} · ${alert.reseller.code}` });
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Could not acknowledge the alert', message: errorMessage(caught) });
      refetchOnConflict(caught);
    } finally {
      setAcknowledging(null);
    }
  }

  function buttons(alert: SuccessAlertRow_AlertFragment, { plan = true }: { plan?: boolean } = {}): ReactNode {
    if (alert.status === 'RESOLVED') return null;
    return (
      <Group gap={6} wrap={compact ? 'wrap' : 'nowrap'} justify="flex-end" maw={compact ? 200 : undefined} ml="auto">
        {alert.status === 'OPEN' && (
          <Button size="compact-xs" variant="light" loading={ackState.loading && acknowledging === alert.id} onClick={() => void onAcknowledge(alert)} data-testid="acknowledge-alert">
            Acknowledge
          </Button>
        )}
        <Button size="compact-xs" variant="light" color="gray" onClick={() => setResolving(alert)} data-testid="resolve-alert">
          Resolve
        </Button>
        {plan && (
          <Button size="compact-xs" variant="light" color="teal" onClick={() => setPlanning(alert)} data-testid="plan-intervention">
            Plan intervention
          </Button>
        )}
      </Group>
    );
  }

  const modals = (
    <>
      <ResolveAlertModal alert={resolving} onClose={() => setResolving(null)} />
      {planning && <PlanInterventionModal opened onClose={() => setPlanning(null)} reseller={planning.reseller} alert={planning} />}
    </>
  );
  return { buttons, modals };
}

/** Who moved the alert on, and when. */
function AlertProgress({ alert }: { alert: SuccessAlertRow_AlertFragment }) {
  if (alert.status === 'RESOLVED') {
    return (
      <Stack gap={0}>
        <Text size="xs" c="dimmed">
          {alert.autoResolved ? 'Condition cleared (recompute)' : `by ${alert.resolvedBy ?? '—'}`} · {formatDateTime(alert.resolvedAt)}
        </Text>
        {alert.resolution && (
          <Text size="xs" maw={260} lineClamp={2} title={alert.resolution}>
            {alert.resolution}
          </Text>
        )}
      </Stack>
    );
  }
  if (alert.status === 'ACKNOWLEDGED') {
    return (
      <Text size="xs" c="dimmed">
        by {alert.acknowledgedBy ?? '—'} · {formatDateTime(alert.acknowledgedAt)}
      </Text>
    );
  }
  return null;
}

/**
 * Alerts in a table: raised, (reseller), severity, rule and message, status, score when raised,
 * and — for the partner team — the actions on open ones.
 */
export function AlertsTable({
  alerts,
  mayManage,
  showReseller = true,
  footer,
  refreshing,
  empty,
}: {
  alerts: readonly SuccessAlertRow_AlertFragment[];
  mayManage: boolean;
  showReseller?: boolean;
  footer?: ReactNode;
  refreshing?: boolean;
  empty?: string;
}) {
  const actions = useAlertActions(showReseller);
  const columns = 5 + (showReseller ? 1 : 0) + (mayManage ? 1 : 0);
  return (
    <>
      <ListTable minWidth={showReseller ? 1100 : 900} footer={footer} refreshing={refreshing}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Raised</Table.Th>
            {showReseller && <Table.Th>Reseller</Table.Th>}
            <Table.Th>Severity</Table.Th>
            <Table.Th style={{ minWidth: 240 }}>Alert</Table.Th>
            <Table.Th style={{ minWidth: 170 }}>Status</Table.Th>
            <Table.Th ta="right" title="The health score when the alert was raised">
              Score
            </Table.Th>
            {mayManage && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody data-testid="alerts-table">
          {alerts.map((alert) => (
            <Table.Tr key={alert.id} data-testid="alert-row" data-status={alert.status} data-severity={alert.severity}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(alert.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {formatTime(alert.createdAt)}
                </Text>
              </Table.Td>
              {showReseller && (
                <Table.Td>
                  <Anchor component={Link} to={`/success/resellers/${alert.reseller.id}`} size="sm" fw={600} ff="monospace">
                    {alert.reseller.code}
                  </Anchor>
                  <Text size="xs" c="dimmed" maw={200} truncate>
                    {alert.reseller.companyName}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <SeverityBadge severity={alert.severity} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {alertRuleLabel(alert.rule)}
                </Text>
                <Text size="xs" c="dimmed">
                  {alert.message}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={alert.status} />
                <AlertProgress alert={alert} />
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {alert.scoreAtOpen ?? '—'}
              </Table.Td>
              {mayManage && <Table.Td>{actions.buttons(alert)}</Table.Td>}
            </Table.Tr>
          ))}
          {alerts.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {empty ?? 'No alerts.'}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </ListTable>
      {mayManage && actions.modals}
    </>
  );
}
