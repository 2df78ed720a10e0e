import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { currentPeriod, periodLabel } from '../features/commissions/period';
import { PlanFormModal } from '../features/commissions/PlanFormModal';
import { PlanTerms, termsSummary } from '../features/commissions/PlanTerms';
import { formatAmount } from '../features/commissions/money';
import { canManageCommissions, canReadCommissions } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { PlanCard_PlanFragment, PlanTerms_VersionFragment } from '../gql/graphql';
import { EmptyState, ErrorState, formatDate, LoadingState, PageHeader } from '../ui';
import { IconPlus } from '../ui/icons';
import { planTypeLabel } from '../ui/labels';

const AdminCommissionPlansQuery = graphql(`
  query AdminCommissionPlans {
    commissionPlans {
      ...PlanCard_plan
    }
  }
`);

const TYPE_COLORS = { PERCENTAGE: 'indigo', FLAT_FEE: 'teal', TIERED: 'grape' } as const;

/** The version in force this month (versions come newest first); else the first one, still to come. */
function versionInForce(versions: readonly PlanTerms_VersionFragment[], period: string): PlanTerms_VersionFragment | undefined {
  return versions.find((version) => version.effectiveFrom <= period) ?? versions.at(-1);
}

function versionState(version: PlanTerms_VersionFragment, inForce: PlanTerms_VersionFragment | undefined, period: string) {
  if (version.id === inForce?.id && version.effectiveFrom <= period) return { label: 'In force', color: 'green' };
  if (version.effectiveFrom > period) return { label: 'Scheduled', color: 'blue' };
  return { label: 'Superseded', color: 'gray' };
}

function PlanCard({ plan, mayManage, onNewVersion }: { plan: PlanCard_PlanFragment; mayManage: boolean; onNewVersion: () => void }) {
  const { tenant } = useViewer();
  const period = currentPeriod(tenant.timezone);
  const inForce = versionInForce(plan.versions, period);
  return (
    <Paper withBorder radius="md" bg="white" data-testid="plan-card">
      <Group justify="space-between" px="lg" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={650} size="lg">
              {plan.name}
            </Text>
            <Badge variant="light" color={TYPE_COLORS[plan.type]} radius="sm">
              {planTypeLabel(plan.type)}
            </Badge>
            {plan.isDefault && (
              <Badge variant="filled" color="indigo" radius="sm" data-testid="plan-default-badge">
                Default
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" truncate>
            {plan.description ?? `Created ${formatDate(plan.createdAt)}`}
          </Text>
        </Stack>
        {mayManage && (
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onNewVersion} data-testid="new-plan-version">
            New version
          </Button>
        )}
      </Group>
      <Stack gap="lg" p="lg">
        {inForce && (
          <Stack gap="sm">
            <Group gap="xs">
              <Text fw={600} size="sm">
                {inForce.effectiveFrom <= period ? 'Current terms' : 'Terms'} · version {inForce.version}
              </Text>
              <Text size="sm" c="dimmed">
                {inForce.effectiveFrom <= period ? `since ${periodLabel(inForce.effectiveFrom)}` : `from ${periodLabel(inForce.effectiveFrom)}`}
              </Text>
            </Group>
            <PlanTerms type={plan.type} version={inForce} currency={tenant.currency} />
          </Stack>
        )}
        <Stack gap={6}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
            All versions
          </Text>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table withTableBorder verticalSpacing={6} horizontalSpacing="sm" fz="sm" data-testid="plan-versions">
              <Table.Thead style={{ background: 'var(--mantine-color-gray-0)' }}>
                <Table.Tr>
                  <Table.Th w={70}>Version</Table.Th>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Terms</Table.Th>
                  <Table.Th>Holding</Table.Th>
                  <Table.Th>Cap</Table.Th>
                  <Table.Th>Min. payout</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {plan.versions.map((version) => {
                  const state = versionState(version, inForce, period);
                  return (
                    <Table.Tr key={version.id}>
                      <Table.Td fw={600}>v{version.version}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodLabel(version.effectiveFrom)}</Table.Td>
                      <Table.Td>{termsSummary(plan.type, version, tenant.currency)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{version.holdingDays ? `${version.holdingDays} days` : 'None'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{version.monthlyCap ? formatAmount(version.monthlyCap, tenant.currency) : '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatAmount(version.minimumPayout, tenant.currency)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={state.color} radius="sm" style={{ minWidth: 'max-content' }}>
                          {state.label}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Stack>
    </Paper>
  );
}

function CommissionPlans() {
  const viewer = useViewer();
  const mayManage = canManageCommissions(viewer.role);
  const { data, loading, error, refetch } = useQuery(AdminCommissionPlansQuery, { fetchPolicy: 'cache-and-network' });
  // The plan being versioned (null: a new plan) stays set while the dialog animates closed.
  const [formOpen, setFormOpen] = useState(false);
  const [formPlan, setFormPlan] = useState<PlanCard_PlanFragment | null>(null);
  const openForm = (plan: PlanCard_PlanFragment | null) => {
    setFormPlan(plan);
    setFormOpen(true);
  };
  const plans = data?.commissionPlans;

  // The default plan first, then by name (the api sorts by name).
  const sorted = plans ? [...plans].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)) : [];

  let body;
  if (!plans) {
    body = loading ? <LoadingState label="Loading plans…" /> : <ErrorState error={error} title="Could not load commission plans" onRetry={() => void refetch()} />;
  } else if (plans.length === 0) {
    body = (
      <EmptyState
        title="No commission plans yet"
        description="Without a plan no reseller earns: create one and make it the default."
        action={
          mayManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => openForm(null)}>
              New plan
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <Stack gap="md">
        {sorted.map((plan) => (
          <PlanCard key={plan.id} plan={plan} mayManage={mayManage} onNewVersion={() => openForm(plan)} />
        ))}
      </Stack>
    );
  }

  return (
    <>
      <PageHeader
        title="Commission plans"
        description="Versioned terms: a new version applies from an open period on, and closed periods keep the terms they were run with."
        actions={
          mayManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => openForm(null)} data-testid="new-plan">
              New plan
            </Button>
          ) : (
            <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
              Read-only access
            </Badge>
          )
        }
      />
      {body}
      {mayManage && (
        <PlanFormModal
          opened={formOpen}
          plan={formPlan}
          onClose={() => setFormOpen(false)}
          onSaved={(plan, version) =>
            notifications.show({
              color: 'green',
              title: version === 1 ? 'Plan created' : 'Version created',
              message: version === 1 ? `“${plan.name}” is ready to assign.` : `${plan.name} v${version} is scheduled.`,
            })
          }
        />
      )}
    </>
  );
}

export function CommissionPlansPage() {
  return (
    <RequireRole allowed={canReadCommissions}>
      <CommissionPlans />
    </RequireRole>
  );
}
