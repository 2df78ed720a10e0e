import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Box, Button, Grid, Group, type MantineColor, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../app/errors';
import { centsOf, formatMoney, isNegative } from '../features/commissions/money';
import { defaultRunPeriod, isPeriod, periodLabel } from '../features/commissions/period';
import { PeriodSelect } from '../features/commissions/PeriodSelect';
import { useReconcileCommissions, useResolveReconciliationItem } from '../features/commissions/reconciliation';
import { ListTable } from '../features/lists/ListTable';
import { canManageCommissions, canReadCommissions } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { ReconciliationAction, ReconciliationDetail_ReconciliationFragment } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, formatNumber, LoadingState, PageHeader, SectionCard, StatGrid, StatusBadge } from '../ui';
import { IconPlay } from '../ui/icons';
import { humanizeEnum } from '../ui/labels';

const AdminCommissionReconciliationsQuery = graphql(`
  query AdminCommissionReconciliations($period: String) {
    commissionReconciliations(period: $period) {
      ...ReconciliationDetail_reconciliation
    }
  }
`);

type Reconciliation = ReconciliationDetail_ReconciliationFragment;
type Discrepancy = Reconciliation['discrepancies'][number];

const KIND_COLORS: Record<string, MantineColor> = {
  AMOUNT_DIFFERS: 'yellow',
  MISSING_LINE: 'red',
  EXTRA_LINE: 'grape',
  UNASSIGNED_CUSTOMER: 'orange',
  INACTIVE_RESELLER: 'gray',
};

const ITEM_STATUS_COLORS: Record<string, MantineColor> = { OPEN: 'orange', ACCEPTED: 'green', ADJUSTED: 'blue', DISPUTED: 'red' };

const ACTION_HINTS: Record<ReconciliationAction, string> = {
  ACCEPT: 'Keep the stored figure; nothing is paid or recovered.',
  ADJUST: 'Pay (or recover) expected − stored as an approved adjustment line in the first open period.',
  DISPUTE: 'Mark it for follow-up; nothing changes yet.',
};

function Money({ money, bold }: { money: Discrepancy['expected']; bold?: boolean }) {
  return (
    <Text size="sm" fw={bold ? 600 : undefined} c={isNegative(money) ? 'red.7' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(money)}
    </Text>
  );
}

function ResolveModal({ reconciliation, item, onClose }: { reconciliation: Reconciliation; item: Discrepancy | null; onClose: () => void }) {
  const [action, setAction] = useState<ReconciliationAction>('ACCEPT');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [resolve, { loading, error, reset }] = useResolveReconciliationItem();
  const differenceCents = item ? centsOf(item.difference.amount) : null;
  const mayAdjust = item !== null && item.reseller !== null && differenceCents !== null && differenceCents !== 0n;

  function close() {
    setAction('ACCEPT');
    setNote('');
    setNoteError(null);
    reset();
    onClose();
  }

  async function submit() {
    if (!item) return;
    if (note.trim() === '') {
      setNoteError('Explain the decision');
      return;
    }
    try {
      await resolve({ variables: { input: { reconciliationId: reconciliation.id, itemId: item.id, action, note: note.trim() } } });
      notifications.show({ color: 'green', title: 'Discrepancy resolved', message: `${humanizeEnum(item.kind)}: ${humanizeEnum(action).toLowerCase()}.` });
      close();
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      if (fields['note']) setNoteError(errorMessage(caught));
    }
  }

  return (
    <Modal opened={item !== null} onClose={close} title={<Text fw={600}>Resolve discrepancy</Text>} centered size="lg">
      {item && (
        <Stack gap="md">
          <Stack gap={4}>
            <Group gap="xs">
              <Badge variant="light" color={KIND_COLORS[item.kind] ?? 'gray'}>
                {humanizeEnum(item.kind)}
              </Badge>
              {item.reseller && (
                <Text size="sm" ff="monospace">
                  {item.reseller.code}
                </Text>
              )}
              {item.customer && (
                <Text size="sm" c="dimmed">
                  {item.customer.externalId} · {item.customer.name}
                </Text>
              )}
            </Group>
            <Text size="sm">{item.detail}</Text>
            <Text size="sm" c="dimmed">
              Expected {formatMoney(item.expected)} · stored {formatMoney(item.stored)} · difference {formatMoney(item.difference)}
            </Text>
          </Stack>
          <SegmentedControl
            value={action}
            onChange={(value) => setAction(value as ReconciliationAction)}
            data={[
              { value: 'ACCEPT', label: 'Accept' },
              { value: 'ADJUST', label: 'Adjust', disabled: !mayAdjust },
              { value: 'DISPUTE', label: 'Dispute' },
            ]}
            fullWidth
            data-testid="resolve-action"
          />
          <Text size="xs" c="dimmed">
            {ACTION_HINTS[action]}
            {!mayAdjust && ' Adjusting needs a reseller and a non-zero difference.'}
          </Text>
          <Textarea
            label="Note"
            description="Required: why this decision (kept with the reconciliation and the audit log)."
            value={note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setNoteError(null);
            }}
            error={noteError}
            autosize
            minRows={3}
            maxLength={2000}
            withAsterisk
            data-testid="resolve-note"
          />
          {error && !fieldErrorsOf(error)['note'] ? (
            <Alert color={hasErrorCode(error, 'CONFLICT') ? 'orange' : 'red'} variant="light" title={hasErrorCode(error, 'CONFLICT') ? 'Not possible' : 'Something went wrong'}>
              {errorMessage(error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={loading} data-testid="confirm-resolve">
              {humanizeEnum(action)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function ReconciliationDetail({ reconciliation, mayManage }: { reconciliation: Reconciliation; mayManage: boolean }) {
  const [resolving, setResolving] = useState<Discrepancy | null>(null);
  // Decided items need no actions: the column shows only while something is open.
  const showActions = mayManage && reconciliation.openCount > 0;
  return (
    <Stack gap="md" data-testid="reconciliation-detail">
      <StatGrid
        cols={4}
        items={[
          { label: 'Expected total', value: formatMoney(reconciliation.expectedTotal), hint: 'Recomputed from billing records' },
          { label: 'Stored total', value: formatMoney(reconciliation.storedTotal), hint: 'Lines the runs stored' },
          { label: 'Discrepancies', value: formatNumber(reconciliation.discrepancies.length) },
          {
            label: 'Open',
            value: formatNumber(reconciliation.openCount),
            color: reconciliation.openCount > 0 ? 'orange.7' : 'green.7',
            hint: reconciliation.openCount > 0 ? 'Waiting for a decision' : 'All decided',
            testId: 'open-count',
          },
        ]}
      />
      {reconciliation.discrepancies.length === 0 ? (
        <EmptyState title="No discrepancies" description={`The stored lines of ${periodLabel(reconciliation.period)} match a fresh calculation.`} />
      ) : (
        <ListTable minWidth={1100}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Reseller</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th ta="right">Expected</Table.Th>
              <Table.Th ta="right">Stored</Table.Th>
              <Table.Th ta="right">Difference</Table.Th>
              <Table.Th>Detail</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Note</Table.Th>
              {showActions && <Table.Th ta="right">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody data-testid="discrepancies-table">
            {reconciliation.discrepancies.map((item) => (
              <Table.Tr key={item.id} data-testid="discrepancy-row" data-status={item.status} data-kind={item.kind}>
                <Table.Td>
                  <Badge variant="light" color={KIND_COLORS[item.kind] ?? 'gray'} style={{ minWidth: 'max-content' }}>
                    {humanizeEnum(item.kind)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {item.reseller ? (
                    <Anchor component={Link} to={`/resellers/${item.reseller.id}`} size="sm" ff="monospace" title={item.reseller.companyName} style={{ whiteSpace: 'nowrap' }}>
                      {item.reseller.code}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {item.customer ? (
                    <>
                      <Text size="sm" ff="monospace">
                        {item.customer.externalId}
                      </Text>
                      <Text size="xs" c="dimmed" maw={160} truncate>
                        {item.customer.name}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Money money={item.expected} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money money={item.stored} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money money={item.difference} bold />
                </Table.Td>
                <Table.Td miw={220} maw={320}>
                  <Text size="xs">{item.detail}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ITEM_STATUS_COLORS[item.status] ?? 'gray'} style={{ minWidth: 'max-content' }}>
                    {humanizeEnum(item.status)}
                  </Badge>
                  {item.resolvedBy && (
                    <Text size="xs" c="dimmed" maw={160} truncate>
                      by {item.resolvedBy}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={220}>
                  <Text size="xs" c={item.note ? undefined : 'dimmed'}>
                    {item.note ?? '—'}
                  </Text>
                </Table.Td>
                {showActions && (
                  <Table.Td ta="right">
                    {item.status === 'OPEN' ? (
                      <Button size="xs" variant="light" onClick={() => setResolving(item)} data-testid="resolve-item">
                        Resolve
                      </Button>
                    ) : null}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ListTable>
      )}
      {mayManage && <ResolveModal reconciliation={reconciliation} item={resolving} onClose={() => setResolving(null)} />}
    </Stack>
  );
}

function CommissionReconciliation() {
  const viewer = useViewer();
  const mayManage = canManageCommissions(viewer.role);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('period') ?? '';
  const period = isPeriod(requested) ? requested : defaultRunPeriod(viewer.tenant.timezone);
  const selectedId = searchParams.get('id');

  const { data, previousData, loading, error, refetch } = useQuery(AdminCommissionReconciliationsQuery, {
    variables: { period },
    fetchPolicy: 'cache-and-network',
  });
  const list = (data ?? previousData)?.commissionReconciliations;
  const [reconcile, reconcileState] = useReconcileCommissions();
  const [actionError, setActionError] = useState<unknown>(null);

  function setParams(next: { period?: string; id?: string | null }) {
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      if (next.period) params.set('period', next.period);
      if (next.id === null) params.delete('id');
      else if (next.id) params.set('id', next.id);
      return params;
    });
  }

  async function run() {
    setActionError(null);
    try {
      const result = await reconcile({ variables: { input: { period } } });
      const done = result.data?.reconcileCommissions.reconciliation;
      if (done) {
        setParams({ id: done.id });
        notifications.show({
          color: done.discrepancies.length ? 'orange' : 'green',
          title: `${periodLabel(period)} reconciled`,
          message: done.discrepancies.length
            ? `${formatNumber(done.discrepancies.length)} discrepanc${done.discrepancies.length === 1 ? 'y' : 'ies'} to review.`
            : 'The stored lines match a fresh calculation.',
        });
      }
    } catch (caught) {
      setActionError(caught);
    }
  }

  const selected = list?.find((r) => r.id === selectedId) ?? list?.[0];

  let body;
  if (error && !list) {
    body = <ErrorState error={error} title="Could not load reconciliations" onRetry={() => void refetch()} />;
  } else if (!list) {
    body = <LoadingState label="Loading reconciliations…" />;
  } else if (list.length === 0 || !selected) {
    body = (
      <EmptyState
        title={`${periodLabel(period)} has not been reconciled yet`}
        description={
          mayManage
            ? 'Reconciling recomputes the period from billing records and lists every difference with the lines the runs stored.'
            : 'Finance reconciles each period; results appear here.'
        }
        action={
          mayManage ? (
            <Button variant="light" leftSection={<IconPlay size={14} />} onClick={() => void run()} loading={reconcileState.loading}>
              Reconcile {periodLabel(period)}
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <Grid gutter="md">
        <Grid.Col span={12}>
          <SectionCard title="Reconciliations" aside={<Text size="sm" c="dimmed">{list.length}</Text>} flush>
            <Stack gap={0} data-testid="reconciliations-list" mah={200} style={{ overflowY: 'auto' }}>
              {list.map((item) => {
                const active = item.id === selected.id;
                return (
                  <Box
                    key={item.id}
                    component="button"
                    type="button"
                    onClick={() => setParams({ id: item.id })}
                    px="lg"
                    py="sm"
                    data-testid="reconciliation-item"
                    aria-pressed={active}
                    style={{
                      textAlign: 'left',
                      border: 0,
                      borderBottom: '1px solid var(--mantine-color-gray-2)',
                      background: active ? 'var(--mantine-color-indigo-0)' : 'white',
                      cursor: 'pointer',
                    }}
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Group gap="sm" wrap="nowrap" miw={0}>
                        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(item.createdAt)}
                        </Text>
                        <Text size="xs" c="dimmed" truncate>
                          by {item.createdBy} · {formatNumber(item.discrepancies.length)} discrepanc{item.discrepancies.length === 1 ? 'y' : 'ies'} · expected{' '}
                          {formatMoney(item.expectedTotal)}, stored {formatMoney(item.storedTotal)}
                        </Text>
                      </Group>
                      {item.openCount > 0 ? (
                        <Badge size="sm" color="orange" variant="light">
                          {item.openCount} open
                        </Badge>
                      ) : (
                        <StatusBadge status="RESOLVED" size="sm" />
                      )}
                    </Group>
                  </Box>
                );
              })}
            </Stack>
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={12}>
          <ReconciliationDetail reconciliation={selected} mayManage={mayManage} />
        </Grid.Col>
      </Grid>
    );
  }

  return (
    <>
      <PageHeader
        title="Reconciliation"
        description="Recompute a period from billing records and compare with the stored commission lines."
        actions={
          <>
            <PeriodSelect value={period} onChange={(next) => setParams({ period: next, id: null })} w={250} />
            {mayManage && (
              <Button leftSection={<IconPlay size={14} />} onClick={() => void run()} loading={reconcileState.loading} data-testid="reconcile">
                Reconcile
              </Button>
            )}
          </>
        }
      />
      {actionError ? (
        <Alert color="red" variant="light" title="Could not reconcile" withCloseButton onClose={() => setActionError(null)} mb="md" data-testid="reconcile-error">
          {errorMessage(actionError)}
        </Alert>
      ) : null}
      <Box pos="relative" style={{ opacity: loading && !data ? 0.6 : 1 }}>
        {body}
      </Box>
    </>
  );
}

export function CommissionReconciliationPage() {
  return (
    <RequireRole allowed={canReadCommissions}>
      <CommissionReconciliation />
    </RequireRole>
  );
}
