import { Text, Timeline } from '@mantine/core';
import { graphql } from '../../gql';
import type { HistoryTimeline_EventsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../ui';
import { auditActionLabel, humanizeEnum } from '../../ui/labels';

/** The audit events a history timeline shows (applications and resellers alike). */
export const HistoryTimeline_events = graphql(`
  fragment HistoryTimeline_events on AuditEvent {
    id
    action
    actorLabel
    actorType
    createdAt
    reason
    data
  }
`);

/** What a status change went from and to, when the event records it. */
function transition(data: Record<string, unknown>): string | null {
  const { from, to } = data;
  return typeof from === 'string' && typeof to === 'string' ? `${humanizeEnum(from)} → ${humanizeEnum(to)}` : null;
}

/** A plan assignment names the plan and its first period (`reseller.plan_assigned`). */
function planAssignment(data: Record<string, unknown>): string | null {
  const { plan, effectiveFrom } = data;
  return typeof plan === 'string' && typeof effectiveFrom === 'string' ? `${plan} from ${effectiveFrom}` : null;
}

function actorText(event: HistoryTimeline_EventsFragment): string {
  if (event.actorType === 'SYSTEM') return 'System';
  if (event.actorType === 'PUBLIC') return 'Applicant';
  return event.actorLabel;
}

/** Oldest first, as the api returns it: the record's story from the top down. */
export function HistoryTimeline({ events }: { events: readonly HistoryTimeline_EventsFragment[] }) {
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing recorded yet.
      </Text>
    );
  }
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="history">
      {events.map((event) => {
        const change = transition(event.data) ?? planAssignment(event.data);
        return (
          <Timeline.Item key={event.id} title={<Text size="sm" fw={600}>{auditActionLabel(event.action)}</Text>}>
            {change && (
              <Text size="sm" mt={2}>
                {change}
              </Text>
            )}
            {event.reason && (
              <Text size="sm" mt={2} c="gray.8" style={{ whiteSpace: 'pre-wrap' }}>
                “{event.reason}”
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {actorText(event)} · {formatDateTime(event.createdAt)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
