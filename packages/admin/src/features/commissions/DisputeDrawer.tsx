import { useFragment } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Drawer,
  Group,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import type { DisputeDrawer_DisputeFragment, DisputeResolution } from '../../gql/graphql';
import { DetailList, formatDateTime, LoadingState, StatusBadge } from '../../ui';
import { DisputeDrawer_dispute } from './fragments';
import { LineKindBadge } from './LineKindBadge';
import { currencySymbol, formatMoney, formatRatePercent, isNegative, validSignedAmount } from './money';
import { useAddCommissionDisputeMessage, useResolveCommissionDispute } from './mutations';
import { periodLabel } from './period';

const MAX_MESSAGE = 5000;

function messageRule(value: string): string | null {
  const text = value.trim();
  if (!text) return 'Write a message';
  if (text.length > MAX_MESSAGE) return 'At most 5,000 characters';
  return null;
}

function Thread({ dispute }: { dispute: DisputeDrawer_DisputeFragment }) {
  return (
    <Stack gap="sm" data-testid="dispute-thread">
      {dispute.messages.map((message) => (
        <Box
          key={message.id}
          data-testid="dispute-message"
          data-from={message.fromPartner ? 'partner' : 'isp'}
          style={{ alignSelf: message.fromPartner ? 'flex-start' : 'flex-end', maxWidth: '85%' }}
        >
          <Text size="xs" c="dimmed" mb={2} ta={message.fromPartner ? 'left' : 'right'}>
            <Text span fw={600} c="dark" size="xs">
              {message.authorLabel}
            </Text>{' '}
            · {message.fromPartner ? 'partner' : 'ISP'} · {formatDateTime(message.createdAt)}
          </Text>
          <Paper
            radius="md"
            px="md"
            py="sm"
            bg={message.fromPartner ? 'gray.1' : 'indigo.0'}
            style={{ border: `1px solid var(--mantine-color-${message.fromPartner ? 'gray-3' : 'indigo-2'})` }}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.body}
            </Text>
          </Paper>
        </Box>
      ))}
    </Stack>
  );
}

function ReplyForm({ dispute }: { dispute: DisputeDrawer_DisputeFragment }) {
  const [send, { loading, error, reset }] = useAddCommissionDisputeMessage();
  const form = useForm({ initialValues: { message: '' }, validate: { message: messageRule } });

  async function submit(values: { message: string }) {
    try {
      await send({ variables: { input: { disputeId: dispute.id, message: values.message.trim() } } });
      form.reset();
      reset();
      notifications.show({ color: 'green', title: 'Reply sent', message: `${dispute.reseller.companyName} sees it in the portal.` });
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" title="Could not send the reply">
            {errorMessage(error)}
          </Alert>
        )}
        <Textarea
          label="Reply to the partner"
          placeholder="Explain the calculation or ask for what you need…"
          autosize
          minRows={3}
          maxRows={8}
          data-testid="reply-input"
          {...form.getInputProps('message')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading} data-testid="send-reply">
            Send reply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ResolveValues = { resolution: DisputeResolution | ''; correctedAmount: string; message: string };

function ResolveForm({ dispute, currency }: { dispute: DisputeDrawer_DisputeFragment; currency: string }) {
  const [resolve, { loading, error, reset }] = useResolveCommissionDispute();
  const form = useForm<ResolveValues>({
    initialValues: { resolution: '', correctedAmount: '', message: '' },
    validate: {
      resolution: (value) => (value ? null : 'Choose whether the partner is right'),
      correctedAmount: (value, values) => {
        if (values.resolution !== 'UPHELD') return null;
        if (!value.trim()) return 'Give what the line should have been';
        return validSignedAmount(value) ? null : 'An amount like 125.00';
      },
      message: messageRule,
    },
  });

  async function submit(values: ResolveValues) {
    if (!values.resolution) return;
    try {
      await resolve({
        variables: {
          input: {
            disputeId: dispute.id,
            resolution: values.resolution,
            message: values.message.trim(),
            correctedAmount: values.resolution === 'UPHELD' ? values.correctedAmount.trim() : null,
          },
        },
      });
      reset();
      notifications.show({
        color: 'green',
        title: values.resolution === 'UPHELD' ? 'Dispute upheld' : 'Dispute rejected',
        message:
          values.resolution === 'UPHELD'
            ? 'The difference is an approved adjustment line in the first open period.'
            : 'The line returns to its status before the dispute.',
      });
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
    }
  }

  const upheld = form.values.resolution === 'UPHELD';
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))}>
      <Stack gap="sm">
        {error && (
          <Alert color="red" variant="light" title={hasErrorCode(error, 'CONFLICT') ? 'Cannot resolve' : 'Could not resolve the dispute'} data-testid="resolve-error">
            {errorMessage(error)}
          </Alert>
        )}
        <Radio.Group label="Resolution" required {...form.getInputProps('resolution')}>
          <SimpleGrid cols={2} mt={6}>
            {(
              [
                ['UPHELD', 'Uphold', 'The partner is right: correct the line.'],
                ['REJECTED', 'Reject', 'The line stands as calculated.'],
              ] as const
            ).map(([value, label, hint]) => (
              <Radio.Card
                key={value}
                value={value}
                p="sm"
                radius="md"
                data-testid={`resolution-${value}`}
                style={{ borderColor: form.values.resolution === value ? `var(--mantine-color-${value === 'UPHELD' ? 'green' : 'red'}-5)` : undefined }}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} color={value === 'UPHELD' ? 'green' : 'red'} />
                  <div>
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {hint}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {upheld && (
          <TextInput
            label="Corrected amount"
            description={`Disputed amount: ${formatMoney(dispute.lineAmount)}. The difference becomes an approved adjustment line.`}
            placeholder="125.00"
            leftSection={<Text size="sm" c="dimmed">{currencySymbol(currency)}</Text>}
            w={320}
            required
            data-testid="corrected-amount"
            {...form.getInputProps('correctedAmount')}
          />
        )}
        <Textarea
          label="Answer to the partner"
          description="Closes the thread; the partner sees it in the portal."
          autosize
          minRows={3}
          maxRows={8}
          required
          data-testid="resolve-message"
          {...form.getInputProps('message')}
        />
        <Group justify="flex-end">
          <Button type="submit" color={upheld ? 'green' : form.values.resolution === 'REJECTED' ? 'red' : undefined} loading={loading} data-testid="confirm-resolve">
            {upheld ? 'Uphold and correct' : form.values.resolution === 'REJECTED' ? 'Reject dispute' : 'Resolve dispute'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DisputeDetail({ dispute, mayManage, currency }: { dispute: DisputeDrawer_DisputeFragment; mayManage: boolean; currency: string }) {
  const [mode, setMode] = useState<'reply' | 'resolve'>('reply');
  // The line as it stands now; null once a rerun of the open period replaced it. The dispute keeps
  // the period, amount and calculation of the line as it was disputed.
  const line = dispute.line;
  useEffect(() => setMode('reply'), [dispute.id]);

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Text fw={600}>Disputed line</Text>
            <Anchor component={Link} to={`/commissions/lines?period=${dispute.period}&reseller=${dispute.reseller.id}`} size="sm">
              Lines of {periodLabel(dispute.period)} →
            </Anchor>
          </Group>
          {!line && (
            <Alert color="yellow" variant="light" p="xs" data-testid="dispute-line-replaced">
              <Text size="sm">A later run of {periodLabel(dispute.period)} replaced this line; below is the line as it was disputed.</Text>
            </Alert>
          )}
          <DetailList
            cols={3}
            items={[
              { label: 'Period', value: periodLabel(dispute.period) },
              {
                label: 'Customer',
                value: line ? (line.customer ? `${line.customer.name} (${line.customer.externalId})` : 'Reseller level') : null,
              },
              { label: 'Kind', value: line ? <LineKindBadge kind={line.kind} adjustmentForPeriod={line.adjustmentForPeriod} /> : null },
              { label: 'Plan', value: line?.plan },
              { label: 'Base', value: line ? formatMoney(line.base) : null },
              { label: 'Rate / fee', value: line?.rate ? formatRatePercent(line.rate) : line?.fee ? formatMoney(line.fee) : null },
              {
                label: 'Disputed amount',
                value: (
                  <Text size="sm" fw={700} c={isNegative(dispute.lineAmount) ? 'red.7' : undefined}>
                    {formatMoney(dispute.lineAmount)}
                  </Text>
                ),
              },
              { label: 'Line status', value: line ? <StatusBadge status={line.status} /> : 'Replaced by a rerun' },
              { label: 'Tier', value: line?.tier ? `Tier ${line.tier}` : null },
            ]}
          />
          <Paper radius="sm" px="sm" py={8} bg="gray.0">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="dispute-line-trace">
              {dispute.lineTrace}
            </Text>
          </Paper>
        </Stack>
      </Paper>

      {dispute.status === 'RESOLVED' && (
        <Alert
          color={dispute.resolution === 'UPHELD' ? 'green' : 'gray'}
          variant="light"
          title={dispute.resolution === 'UPHELD' ? 'Upheld: the line was corrected' : 'Rejected: the line stands'}
          data-testid="dispute-resolution"
        >
          <Stack gap={2}>
            {dispute.resolution === 'UPHELD' && dispute.correctedAmount && (
              <Text size="sm">
                Corrected from {formatMoney(dispute.lineAmount)} to <b>{formatMoney(dispute.correctedAmount)}</b>, paid as an adjustment.
              </Text>
            )}
            <Text size="sm" c="dimmed">
              By {dispute.resolvedBy ?? '—'} on {formatDateTime(dispute.resolvedAt)}
            </Text>
          </Stack>
        </Alert>
      )}

      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>Conversation</Text>
          <Text size="sm" c="dimmed">
            {dispute.messages.length} message{dispute.messages.length === 1 ? '' : 's'}
          </Text>
        </Group>
        <Thread dispute={dispute} />
      </Stack>

      {dispute.status === 'OPEN' &&
        (mayManage ? (
          <Paper withBorder radius="md" p="md" bg="white">
            <Stack gap="md">
              <SegmentedControl
                data={[
                  { value: 'reply', label: 'Reply' },
                  { value: 'resolve', label: 'Resolve' },
                ]}
                value={mode}
                onChange={(value) => setMode(value as 'reply' | 'resolve')}
                w={240}
                data-testid="dispute-compose-mode"
              />
              {mode === 'reply' ? <ReplyForm dispute={dispute} /> : <ResolveForm dispute={dispute} currency={currency} />}
            </Stack>
          </Paper>
        ) : (
          <Text size="sm" c="dimmed">
            Finance answers and resolves disputes; you can follow the conversation here.
          </Text>
        ))}
    </Stack>
  );
}

type DisputeDrawerProps = {
  /** The dispute to show, from the list's cache; null keeps the drawer closed. */
  disputeId: string | null;
  onClose: () => void;
  mayManage: boolean;
  currency: string;
  /** The list is still loading (a link straight to a dispute). */
  loading: boolean;
};

/**
 * One dispute with its line and thread, read from the normalised cache (the list loads it), so a
 * reply or resolution shows at once even when the dispute leaves the list's filter.
 */
export function DisputeDrawer({ disputeId, onClose, mayManage, currency, loading }: DisputeDrawerProps) {
  const result = useFragment({
    fragment: DisputeDrawer_dispute,
    fragmentName: 'DisputeDrawer_dispute',
    from: disputeId ? { __typename: 'CommissionDispute', id: disputeId } : null,
  });
  const dispute = result.complete ? result.data : null;

  return (
    <Drawer
      opened={disputeId !== null}
      onClose={onClose}
      position="right"
      size={640}
      title={
        dispute ? (
          <Group gap="sm">
            <Text fw={650} size="lg">
              Dispute · {dispute.reseller.code}
            </Text>
            <StatusBadge status={dispute.status} />
            {dispute.resolution && <StatusBadge status={dispute.resolution} />}
          </Group>
        ) : (
          <Text fw={650}>Dispute</Text>
        )
      }
      data-testid="dispute-drawer"
      styles={{ body: { paddingBottom: 32 } }}
    >
      {dispute ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {dispute.reseller.companyName} · opened by {dispute.openedBy} on {formatDateTime(dispute.createdAt)}
          </Text>
          <DisputeDetail dispute={dispute} mayManage={mayManage} currency={currency} />
        </Stack>
      ) : loading ? (
        <LoadingState label="Loading the dispute…" />
      ) : (
        <Alert color="gray" variant="light" title="Dispute not found">
          It is not in this list: choose “All” in the status filter, or the link is wrong.
        </Alert>
      )}
    </Drawer>
  );
}
