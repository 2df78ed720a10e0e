import { Badge, Grid, Group, Stack, Table, Text } from '@mantine/core';
import type { PlanTerms_VersionFragment, PlanType } from '../../gql/graphql';
import { DetailList } from '../../ui';
import { tierModeLabel } from '../../ui/labels';
import { formatAmount, formatRatePercent } from './money';

/** What each tier mode means, in one line. */
export const TIER_MODE_HINTS = {
  WHOLE: 'The rate of the tier reached applies to the whole period revenue.',
  MARGINAL: 'Each tier’s rate applies only to the slice of revenue inside it.',
} as const;

/** One line for a versions table: '10 %', '$25.00 new · $5.00 active', '10 % → 12 % → 15 %'. */
export function termsSummary(type: PlanType, version: PlanTerms_VersionFragment, currency: string): string {
  if (type === 'PERCENTAGE') return formatRatePercent(version.rate);
  if (type === 'FLAT_FEE') {
    return `${formatAmount(version.perNewCustomer ?? '0.00', currency)} per new · ${formatAmount(version.perActiveCustomer ?? '0.00', currency)} per active`;
  }
  const tiers = version.tiers ?? [];
  const mode = version.tierMode ? ` (${tierModeLabel(version.tierMode).toLowerCase()})` : '';
  return `${tiers.map((tier) => formatRatePercent(tier.rate)).join(' → ')}${mode}`;
}

/** The tiers of a TIERED version: from which revenue which rate applies. */
export function TiersTable({ tiers, currency }: { tiers: readonly { from: string; rate: string }[]; currency: string }) {
  return (
    <Table withTableBorder verticalSpacing={4} horizontalSpacing="sm" fz="sm" data-testid="plan-tiers">
      <Table.Thead style={{ background: 'var(--mantine-color-gray-0)' }}>
        <Table.Tr>
          <Table.Th w={60}>Tier</Table.Th>
          <Table.Th>Period revenue</Table.Th>
          <Table.Th ta="right">Rate</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tiers.map((tier, index) => {
          const next = tiers[index + 1];
          return (
            <Table.Tr key={tier.from}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {next ? `${formatAmount(tier.from, currency)} – under ${formatAmount(next.from, currency)}` : `${formatAmount(tier.from, currency)} and above`}
              </Table.Td>
              <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatRatePercent(tier.rate)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The full terms of one version, as finance reads them. */
type PlanTermsProps = {
  type: PlanType;
  version: PlanTerms_VersionFragment;
  currency: string;
  /** In a narrow container (a dialog): tiers above the other terms instead of beside them. */
  stacked?: boolean;
};

export function PlanTerms({ type, version, currency, stacked }: PlanTermsProps) {
  const rateItems =
    type === 'PERCENTAGE'
      ? [{ label: 'Rate', value: <Text size="sm" fw={600}>{formatRatePercent(version.rate)} of paid revenue</Text> }]
      : type === 'FLAT_FEE'
        ? [
            { label: 'Per new customer', value: formatAmount(version.perNewCustomer ?? '0.00', currency) },
            { label: 'Per active customer', value: formatAmount(version.perActiveCustomer ?? '0.00', currency) },
          ]
        : [];
  const details = (
    <DetailList
      cols={type === 'TIERED' && !stacked ? 2 : stacked ? 4 : 3}
      items={[
        ...rateItems,
        { label: 'Holding period', value: version.holdingDays === 0 ? 'None' : `${version.holdingDays} days after payment` },
        { label: 'Monthly cap', value: version.monthlyCap ? formatAmount(version.monthlyCap, currency) : 'No cap' },
        { label: 'Minimum payout', value: formatAmount(version.minimumPayout, currency) },
        { label: 'Payment terms', value: `Net ${version.paymentTermsDays}` },
      ]}
    />
  );
  if (type !== 'TIERED') return details;
  return (
    <Grid gutter="xl">
      <Grid.Col span={stacked ? 12 : { base: 12, md: 7 }}>
        <Stack gap={6}>
          <Group gap="xs">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
              Tiers
            </Text>
            {version.tierMode && (
              <Badge variant="light" color="indigo" radius="sm" tt="none" fw={500}>
                {tierModeLabel(version.tierMode)}
              </Badge>
            )}
          </Group>
          <TiersTable tiers={version.tiers ?? []} currency={currency} />
          {version.tierMode && (
            <Text size="xs" c="dimmed">
              {TIER_MODE_HINTS[version.tierMode]}
            </Text>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={stacked ? 12 : { base: 12, md: 5 }}>{details}</Grid.Col>
    </Grid>
  );
}
