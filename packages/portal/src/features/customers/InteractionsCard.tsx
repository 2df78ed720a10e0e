import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { CustomerInteractions_InteractionFragment } from '../../gql/graphql';
import { formatDay } from '../onboarding/labels';
import { INTERACTION_OUTCOME_LABELS, INTERACTION_TYPE_LABELS, outcomeColor } from './labels';

type InteractionsCardProps = {
  interactions: readonly CustomerInteractions_InteractionFragment[];
  onLog: () => void;
};

/** Newest first (by date, then by when it was logged). */
function newestFirst(a: CustomerInteractions_InteractionFragment, b: CustomerInteractions_InteractionFragment) {
  return b.occurredOn.localeCompare(a.occurredOn) || String(b.createdAt).localeCompare(String(a.createdAt));
}

/** Calls, emails, meetings, tickets … with their outcome, rating and notes. */
export function InteractionsCard({ interactions, onLog }: InteractionsCardProps) {
  const sorted = [...interactions].sort(newestFirst);
  return (
    <Card withBorder padding="lg" radius="md" data-testid="interactions-card">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2}>
          <Text fw={600} size="lg">
            Interactions
          </Text>
          <Text size="sm" c="dimmed">
            {sorted.length === 0 ? 'None logged yet.' : `${sorted.length} logged, newest first.`}
          </Text>
        </Stack>
        <Button onClick={onLog} data-testid="log-interaction">
          Log interaction
        </Button>
      </Group>
      <Stack gap={0}>
        {sorted.map((interaction) => (
          <Stack key={interaction.id} gap={4} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="interaction">
            <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
              <Group gap={8} wrap="wrap" style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {INTERACTION_TYPE_LABELS[interaction.type] ?? interaction.type}
                </Text>
                <Badge size="sm" variant="light" color={outcomeColor(interaction.outcome)} tt="none" fw={500}>
                  {INTERACTION_OUTCOME_LABELS[interaction.outcome] ?? interaction.outcome}
                </Badge>
                {interaction.satisfaction !== null && interaction.satisfaction !== undefined && (
                  <Badge size="sm" variant="outline" color="gray" tt="none" fw={500}>
                    Satisfaction {interaction.satisfaction}/10
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
                {formatDay(interaction.occurredOn)}
              </Text>
            </Group>
            {interaction.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {interaction.notes}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {[
                interaction.durationMinutes !== null && interaction.durationMinutes !== undefined ? `${interaction.durationMinutes} min` : null,
                `logged by ${interaction.loggedBy}`,
                interaction.followUpOn ? `follow-up ${formatDay(interaction.followUpOn)}${interaction.followUpDoneAt ? ' (done)' : ''}` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
