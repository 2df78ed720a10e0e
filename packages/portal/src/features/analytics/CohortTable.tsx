import { Table, Text, Tooltip } from '@mantine/core';
import { formatPeriod } from '../commissions/format';
import { formatPercentValue } from './format';

type Cohort = { cohort: string; size: number; retentionPercent: readonly number[] };

type CohortTableProps = {
  /** Signup months of the last 12 months. */
  cohorts: readonly Cohort[];
  /** Columns month 0 … months − 1. */
  months?: number;
};

/** A cell's colours by retention: deep green when everyone stayed, through yellow, to red. */
function cellColors(percent: number): { background: string; color: string } {
  if (percent >= 95) return { background: 'var(--mantine-color-green-7)', color: 'white' };
  if (percent >= 85) return { background: 'var(--mantine-color-green-5)', color: 'white' };
  if (percent >= 70) return { background: 'var(--mantine-color-green-2)', color: 'var(--mantine-color-dark-7)' };
  if (percent >= 50) return { background: 'var(--mantine-color-yellow-2)', color: 'var(--mantine-color-dark-7)' };
  if (percent >= 25) return { background: 'var(--mantine-color-orange-3)', color: 'var(--mantine-color-dark-7)' };
  return { background: 'var(--mantine-color-red-5)', color: 'white' };
}

/**
 * Cohort retention as a heat map: a row per signup month (with how many signed up), a column per
 * month since signup, each cell the share of the cohort not churned by the end of that month.
 * Months not reached yet stay empty.
 */
export function CohortTable({ cohorts, months = 12 }: CohortTableProps) {
  const columns = Array.from({ length: months }, (_, index) => index);
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withColumnBorders={false} verticalSpacing={4} horizontalSpacing={4} fz="xs" data-testid="cohort-table" style={{ borderCollapse: 'separate', borderSpacing: 2 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Signup month</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>Size</Table.Th>
            {columns.map((month) => (
              <Table.Th key={month} style={{ textAlign: 'center', minWidth: 40 }}>
                {month === 0 ? 'M0' : `M${month}`}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cohorts.map((cohort) => (
            <Table.Tr key={cohort.cohort} data-testid="cohort-row" data-cohort={cohort.cohort}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {formatPeriod(cohort.cohort, 'short')}
                </Text>
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                <Text size="sm">{cohort.size}</Text>
              </Table.Td>
              {columns.map((month) => {
                const percent = cohort.size > 0 ? cohort.retentionPercent[month] : undefined;
                if (percent === undefined) return <Table.Td key={month} />;
                const colors = cellColors(percent);
                return (
                  <Table.Td key={month} p={0}>
                    <Tooltip label={`${formatPeriod(cohort.cohort)} signups, month ${month}: ${formatPercentValue(percent)} retained`} withArrow openDelay={200}>
                      <Text
                        size="xs"
                        fw={600}
                        ta="center"
                        py={6}
                        style={{ ...colors, borderRadius: 4, fontVariantNumeric: 'tabular-nums' }}
                      >
                        {Math.round(percent)}%
                      </Text>
                    </Tooltip>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
