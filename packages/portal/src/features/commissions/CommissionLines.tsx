import { ActionIcon, Alert, Box, Button, Collapse, Group, Paper, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { Fragment, type MouseEvent } from 'react';
import type { CommissionLineKind, CommissionLines_LineFragment } from '../../gql/graphql';
import { StatusBadge } from '../../ui';
import { CommissionTrace } from './CommissionTrace';
import { DisputeThread } from './DisputeThread';
import { formatMoney, formatPeriod, isNegative } from './format';
import { canDispute, kindLabel, lineSubject, rateTierText } from './labels';

type Line = CommissionLines_LineFragment;

type CommissionLinesProps = {
  lines: readonly Line[];
  /** Phones get one card per line instead of a table. */
  phone: boolean;
  expanded: ReadonlySet<string>;
  onToggle: (lineId: string) => void;
  onDispute: (line: Line) => void;
  /** Refetches the period's lines after a CONFLICT or NOT_FOUND. */
  onStale: () => void;
};

const KIND_ORDER: Record<CommissionLineKind, number> = { CUSTOMER: 0, ADJUSTMENT: 1, CAP: 2 };

/** Customer lines by customer name, then adjustments, then the cap (which applies to all of them). */
export function sortLines(lines: readonly Line[]): Line[] {
  return [...lines].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      lineSubject(a).localeCompare(lineSubject(b)) ||
      (a.adjustmentForPeriod ?? '').localeCompare(b.adjustmentForPeriod ?? '') ||
      a.id.localeCompare(b.id),
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      style={{ transform: open ? 'rotate(90deg)' : 'none', transition: 'transform 150ms ease' }}
    >
      <path d="M9 6l6 6-6 6" />
    </svg>
  );
}

function Amount({ line, size = 'sm' }: { line: Line; size?: 'sm' | 'md' }) {
  return (
    <Text
      size={size}
      fw={600}
      c={isNegative(line.amount.amount) ? 'red.7' : undefined}
      style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      data-testid="line-amount"
    >
      {formatMoney(line.amount)}
    </Text>
  );
}

function DisputeNote({ line }: { line: Line }) {
  if (!line.dispute || line.dispute.status === 'OPEN') return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      Dispute {line.dispute.resolution === 'UPHELD' ? 'upheld' : line.dispute.resolution === 'REJECTED' ? 'rejected' : 'resolved'}
    </Text>
  );
}

function DisputeButton({ line, onDispute, fullWidth = false }: { line: Line; onDispute: (line: Line) => void; fullWidth?: boolean }) {
  if (!canDispute(line)) return null;
  return (
    <Button
      size="xs"
      variant="default"
      fullWidth={fullWidth}
      data-testid="dispute-button"
      aria-label={`Dispute the line for ${lineSubject(line)}`}
      onClick={(event: MouseEvent) => {
        // Inside a clickable row: do not also expand it.
        event.stopPropagation();
        onDispute(line);
      }}
    >
      Dispute
    </Button>
  );
}

/** What a line explains beyond its trace: why an adjustment or a cap line exists. */
function KindNote({ line }: { line: Line }) {
  if (line.kind === 'ADJUSTMENT' && line.adjustmentForPeriod) {
    return (
      <Alert variant="light" color="blue" p="sm">
        <Text size="sm">
          {line.adjustmentForPeriod === line.period ? (
            <>This corrects another line of {formatPeriod(line.period)}, so that line itself stays as it was calculated.</>
          ) : (
            <>
              This corrects <b>{formatPeriod(line.adjustmentForPeriod)}</b>, which was already closed: closed months are never changed,
              so the difference is settled in {formatPeriod(line.period)}.
            </>
          )}
        </Text>
      </Alert>
    );
  }
  if (line.kind === 'CAP') {
    return (
      <Alert variant="light" color="gray" p="sm">
        <Text size="sm">
          Your commission plan has a monthly cap. This line removes the part of the month’s commission above the cap, so the
          period’s total does not exceed it.
        </Text>
      </Alert>
    );
  }
  return null;
}

/** A line's expanded part: how it was calculated and its dispute thread. */
function LineDetails({ line, onStale }: { line: Line; onStale: () => void }) {
  return (
    <Stack gap="sm" data-testid="line-details">
      <CommissionTrace trace={line.trace} amountText={formatMoney(line.amount)} negative={isNegative(line.amount.amount)} />
      <KindNote line={line} />
      {line.dispute && <DisputeThread dispute={line.dispute} onStale={onStale} />}
    </Stack>
  );
}

function Subject({ line, nowrap = false }: { line: Line; nowrap?: boolean }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="sm" fw={500} style={nowrap ? { whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }}>
        {lineSubject(line)}
      </Text>
      <Text size="xs" c="dimmed" ff={line.customer ? 'monospace' : undefined}>
        {line.customer ? line.customer.externalId : 'All customers'}
      </Text>
    </Stack>
  );
}

function LinesTable({ lines, expanded, onToggle, onDispute, onStale }: Omit<CommissionLinesProps, 'phone'>) {
  const columns = 9;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="commission-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Box component="span" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                Details
              </Box>
            </Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Base revenue
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>Rate / tier</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th w={96} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => {
            const open = expanded.has(line.id);
            const detailsId = `line-details-${line.id}`;
            const rateTier = rateTierText(line);
            return (
              <Fragment key={line.id}>
                <Table.Tr
                  onClick={() => onToggle(line.id)}
                  style={{ cursor: 'pointer' }}
                  bg={open ? 'indigo.0' : undefined}
                  data-testid="commission-line"
                  data-line-id={line.id}
                  data-status={line.status}
                >
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-expanded={open}
                      aria-controls={detailsId}
                      aria-label={`${open ? 'Hide' : 'Show'} how the line for ${lineSubject(line)} was calculated`}
                      data-testid="line-toggle"
                      onClick={(event: MouseEvent) => {
                        event.stopPropagation();
                        onToggle(line.id);
                      }}
                    >
                      <Chevron open={open} />
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Subject line={line} nowrap />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {kindLabel(line)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {line.plan}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {formatMoney(line.base)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={rateTier ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                      {rateTier ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount line={line} />
                  </Table.Td>
                  <Table.Td>
                    <Box w="max-content">
                      <StatusBadge status={line.status} />
                    </Box>
                    <DisputeNote line={line} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <DisputeButton line={line} onDispute={onDispute} />
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr id={detailsId} bg="gray.0">
                    <Table.Td colSpan={columns} px="md" py="md">
                      <LineDetails line={line} onStale={onStale} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function LineCards({ lines, expanded, onToggle, onDispute, onStale }: Omit<CommissionLinesProps, 'phone'>) {
  return (
    <Stack gap="xs" data-testid="commission-lines">
      {lines.map((line) => {
        const open = expanded.has(line.id);
        const detailsId = `line-details-${line.id}`;
        const rateTier = rateTierText(line);
        return (
          <Paper key={line.id} withBorder radius="md" data-testid="commission-line" data-line-id={line.id} data-status={line.status}>
            <UnstyledButton
              w="100%"
              p="sm"
              onClick={() => onToggle(line.id)}
              aria-expanded={open}
              aria-controls={detailsId}
              data-testid="line-toggle"
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <Subject line={line} />
                <Amount line={line} size="md" />
              </Group>
              <Text size="xs" c="dimmed" mt={6}>
                {[kindLabel(line), line.plan, rateTier, `base ${formatMoney(line.base)}`].filter(Boolean).join(' · ')}
              </Text>
              <Group justify="space-between" mt={8} wrap="nowrap">
                <Box w="max-content">
                  <StatusBadge status={line.status} />
                </Box>
                <Group gap={4} c="indigo.7" wrap="nowrap">
                  <Text size="xs" fw={600} c="inherit" style={{ whiteSpace: 'nowrap' }}>
                    {open ? 'Hide details' : 'How it was calculated'}
                  </Text>
                  <Chevron open={open} />
                </Group>
              </Group>
              <DisputeNote line={line} />
            </UnstyledButton>
            <Collapse in={open}>
              {open && (
                <Box id={detailsId} px="sm" pb="sm">
                  <LineDetails line={line} onStale={onStale} />
                </Box>
              )}
            </Collapse>
            {canDispute(line) && (
              <Box px="sm" pb="sm">
                <DisputeButton line={line} onDispute={onDispute} fullWidth />
              </Box>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

/** A period's commission lines, each expandable to its calculation and dispute thread. */
export function CommissionLines({ phone, ...props }: CommissionLinesProps) {
  return phone ? <LineCards {...props} /> : <LinesTable {...props} />;
}
