import { useQuery } from '@apollo/client/react';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { ErrorState, LoadingState, SectionCard } from '../../ui';
import { BandBadge, ScoreChange } from './badges';
import { bandCssColor, formatDay } from './health';

const AdminResellerHealthCardQuery = graphql(`
  query AdminResellerHealthCard($resellerId: ID!) {
    partnerHealth(resellerId: $resellerId) {
      resellerId
      score
      band
      change30d
      computedOn
    }
  }
`);

/** The reseller page's small "Health" card: score, band, 30-day change and a link to the success page. */
export function HealthCard({ resellerId }: { resellerId: string }) {
  const { data, loading, error, refetch } = useQuery(AdminResellerHealthCardQuery, { variables: { resellerId }, fetchPolicy: 'cache-and-network' });
  const health = data?.partnerHealth;
  const link = (
    <Anchor component={Link} to={`/success/resellers/${resellerId}`} size="sm" data-testid="health-link">
      Partner success
    </Anchor>
  );

  let body;
  if (!data) {
    body = loading ? <LoadingState label="Loading health…" /> : <ErrorState error={error} title="Could not load the health score" onRetry={() => void refetch()} />;
  } else if (!health || health.score === null || health.score === undefined) {
    body = (
      <Text size="sm" c="dimmed" data-testid="health-card-empty">
        Not scored yet.
      </Text>
    );
  } else {
    body = (
      <Group justify="space-between" align="center" wrap="nowrap" data-testid="health-card">
        <Group gap="sm" align="baseline" wrap="nowrap">
          <Text fz={32} fw={800} lh={1} c={bandCssColor(health.band, 7)} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {health.score}
          </Text>
          <Stack gap={2}>
            <BandBadge band={health.band} />
            <Text size="xs" c="dimmed">
              as of {formatDay(health.computedOn)}
            </Text>
          </Stack>
        </Group>
        <Stack gap={0} align="flex-end">
          <ScoreChange change={health.change30d} />
          <Text size="xs" c="dimmed">
            30 days
          </Text>
        </Stack>
      </Group>
    );
  }

  return (
    <SectionCard title="Health" aside={link}>
      {body}
    </SectionCard>
  );
}
