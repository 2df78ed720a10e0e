import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Code, Grid, Paper, Stack, Tabs, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { hasErrorCode } from '../app/errors';
import { canReadEmails } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { graphql } from '../gql';
import { DetailList, EmptyState, ErrorState, formatDateTime, LoadingState, PageHeader, SectionCard, StatusBadge } from '../ui';
import { emailTemplateLabel } from '../ui/labels';

const AdminOutboxEmailQuery = graphql(`
  query AdminOutboxEmail($id: ID!) {
    outboxEmail(id: $id) {
      id
      subject
      toAddress
      toName
      template
      status
      createdAt
      sentAt
      attempts
      lastError
      relatedType
      relatedId
      html
      text
    }
  }
`);

/** Where the record an email is about lives in this console, if it has a page. */
function relatedPath(type: string | null | undefined, id: string | null | undefined): string | null {
  if (!type || !id) return null;
  if (type === 'ResellerApplication') return `/applications/${id}`;
  if (type === 'Reseller') return `/resellers/${id}`;
  return null;
}

function OutboxMessage() {
  // Always set: the route is declared with :id.
  const { id = '' } = useParams<{ id: string }>();
  const { data, loading, error, refetch } = useQuery(AdminOutboxEmailQuery, { variables: { id } });
  const email = data?.outboxEmail;

  if (!email) {
    if (loading) return <LoadingState label="Loading email…" />;
    if (error && hasErrorCode(error, 'NOT_FOUND')) {
      return (
        <EmptyState
          title="Email not found"
          description="The link may be wrong."
          action={
            <Button component={Link} to="/outbox" variant="light">
              Back to the outbox
            </Button>
          }
        />
      );
    }
    return <ErrorState error={error} title="Could not load the email" onRetry={() => void refetch()} />;
  }

  const related = relatedPath(email.relatedType, email.relatedId);

  return (
    <>
      <PageHeader
        back={{ to: '/outbox', label: 'Outbox' }}
        title={email.subject}
        badges={<StatusBadge status={email.status} size="lg" />}
        description={`To ${email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress}`}
      />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="md">
            <SectionCard title="Details">
              <DetailList
                cols={1}
                items={[
                  { label: 'To', value: email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress },
                  {
                    label: 'Template',
                    value: (
                      <Badge variant="default" radius="sm" tt="none" fw={500}>
                        {emailTemplateLabel(email.template)}
                      </Badge>
                    ),
                  },
                  { label: 'Status', value: <StatusBadge status={email.status} /> },
                  { label: 'Created', value: formatDateTime(email.createdAt) },
                  { label: 'Sent', value: email.sentAt ? formatDateTime(email.sentAt) : null },
                  { label: 'Delivery attempts', value: String(email.attempts) },
                  {
                    label: 'About',
                    value: related ? (
                      <Anchor component={Link} to={related} size="sm">
                        {email.relatedType === 'ResellerApplication' ? 'The application' : 'The reseller'}
                      </Anchor>
                    ) : null,
                  },
                ]}
              />
            </SectionCard>
            {email.lastError && (
              <Alert color="red" variant="light" title="Last delivery error">
                <Code block>{email.lastError}</Code>
              </Alert>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Paper withBorder radius="md" bg="white" style={{ overflow: 'hidden' }}>
            <Tabs defaultValue="html" keepMounted={false}>
              <Tabs.List px="md" pt={6}>
                <Tabs.Tab value="html">HTML</Tabs.Tab>
                <Tabs.Tab value="text">Plain text</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="html">
                {/* sandbox="" : no scripts, no same-origin, no forms, no top navigation. */}
                <iframe
                  title={`HTML preview of “${email.subject}”`}
                  sandbox=""
                  srcDoc={email.html}
                  data-testid="email-html"
                  style={{ display: 'block', width: '100%', height: 700, border: 0, background: '#fff' }}
                />
              </Tabs.Panel>
              <Tabs.Panel value="text">
                <Text
                  component="pre"
                  size="sm"
                  p="lg"
                  m={0}
                  ff="monospace"
                  data-testid="email-text"
                  style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minHeight: 300 }}
                >
                  {email.text}
                </Text>
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function OutboxMessagePage() {
  return (
    <RequireRole allowed={canReadEmails}>
      <OutboxMessage />
    </RequireRole>
  );
}
