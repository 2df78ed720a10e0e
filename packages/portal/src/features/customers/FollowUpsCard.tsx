import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { describeError } from '../../app/errors';
import type { CustomerInteractions_InteractionFragment } from '../../gql/graphql';
import { formatDay } from '../onboarding/labels';
import { INTERACTION_TYPE_LABELS, isOverdue } from './labels';
import { useCompleteCustomerFollowUp } from './useCompleteCustomerFollowUp';

type FollowUpsCardProps = {
  interactions: readonly CustomerInteractions_InteractionFragment[];
  /** Refetches the customer (a follow-up was already done elsewhere). */
  onStale: () => void;
};

/** The follow-ups set on interactions: open ones soonest first, with "Done"; a count of done ones. */
export function FollowUpsCard({ interactions, onStale }: FollowUpsCardProps) {
  const [complete] = useCompleteCustomerFollowUp();
  const [busy, setBusy] = useState<string | null>(null);
  const withFollowUp = interactions.filter((interaction) => interaction.followUpOn);
  const open = withFollowUp.filter((interaction) => !interaction.followUpDoneAt).sort((a, b) => (a.followUpOn ?? '').localeCompare(b.followUpOn ?? ''));
  const doneCount = withFollowUp.length - open.length;

  async function markDone(interaction: CustomerInteractions_InteractionFragment) {
    setBusy(interaction.id);
    try {
      await complete({ variables: { input: { interactionId: interaction.id } } });
      notifications.show({ color: 'green', title: 'Follow-up done', message: `The follow-up due ${formatDay(interaction.followUpOn ?? '')} is done.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not mark the follow-up as done', message: describeError(error)[0]?.message ?? 'Unknown error.' });
      onStale();
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card withBorder padding="lg" radius="md" data-testid="follow-ups-card">
      <Text fw={600} size="lg">
        Follow-ups
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {open.length === 0 ? 'No open follow-ups. Set a follow-up date when logging an interaction.' : `${open.length} open.`}
        {doneCount > 0 ? ` ${doneCount} done.` : ''}
      </Text>
      <Stack gap={0}>
        {open.map((interaction) => {
          const late = isOverdue(interaction.followUpOn);
          return (
            <Group
              key={interaction.id}
              justify="space-between"
              gap="sm"
              wrap="nowrap"
              py="sm"
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              data-testid="follow-up"
              data-overdue={late}
            >
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600} c={late ? 'red.7' : undefined}>
                    Due {formatDay(interaction.followUpOn ?? '')}
                  </Text>
                  {late && (
                    <Badge size="xs" color="red" variant="filled">
                      Overdue
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  After the {INTERACTION_TYPE_LABELS[interaction.type].toLowerCase()} of {formatDay(interaction.occurredOn)}
                  {interaction.notes ? `: ${interaction.notes}` : ''}
                </Text>
              </Stack>
              <Button size="xs" variant="light" loading={busy === interaction.id} onClick={() => void markDone(interaction)} style={{ flexShrink: 0 }} data-testid="complete-follow-up">
                Done
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
