import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Code, Grid, Group, Modal, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../app/errors';
import { EMAIL_STATUS_HINTS, EmailStatusBadge } from '../features/outbox/EmailStatusBadge';
import { canReadEmails } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { graphql } from '../gql';
import { DetailList, formatDateTime, formatRelative, PageHeader, RecordUnavailable, SectionCard } from '../ui';
import { IconRefresh } from '../ui/icons';
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
      nextAttemptAt
      messageId
      resendOf
      relatedType
      relatedId
      html
      text
    }
  }
`);

const AdminResendEmailMutation = graphql(`
  mutation AdminResendEmail($id: ID!) {
    resendEmail(id: $id) {
      id
      status
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
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(AdminOutboxEmailQuery, { variables: { id } });
  const email = data?.outboxEmail;
  const [confirming, setConfirming] = useState(false);
  const [resendEmail, resend] = useMutation(AdminResendEmailMutation, { refetchQueries: ['AdminOutboxEmails'] });

  async function resendNow() {
    try {
      const result = await resendEmail({ variables: { id } });
      const copy = result.data?.resendEmail;
      setConfirming(false);
      notifications.show({ color: 'green', title: 'Email queued again', message: 'This is the new copy; the original keeps its history.' });
      if (copy) void navigate(`/outbox/${copy.id}`);
    } catch {
      // Shown in the dialog.
    }
  }

  if (!email) {
    return (
      <RecordUnavailable
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading email…"
        notFound={{ title: 'Email not found', description: 'The link may be wrong.', backTo: '/outbox', backLabel: 'Back to the outbox' }}
        errorTitle="Could not load the email"
      />
    );
  }

  const related = relatedPath(email.relatedType, email.relatedId);

  return (
    <>
      <PageHeader
        back={{ to: '/outbox', label: 'Outbox' }}
        title={email.subject}
        badges={<EmailStatusBadge status={email.status} size="lg" />}
        description={
          <>
            To {email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress}
            {email.resendOf && (
              <>
                {' · '}
                <span data-testid="resend-of">
                  Copy of{' '}
                  <Anchor component={Link} to={`/outbox/${email.resendOf}`} size="sm">
                    the original email
                  </Anchor>
                </span>
              </>
            )}
          </>
        }
        actions={
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => {
              resend.reset();
              setConfirming(true);
            }} data-testid="resend-email">
            Resend
          </Button>
        }
      />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={600}>Resend this email?</Text>} centered size="md">
        <Stack gap="md">
          <Text size="sm">
            A copy of “{email.subject}”, as it was rendered, is queued for {email.toAddress} and goes out with the next delivery run. This email keeps its
            own status and history.
          </Text>
          {resend.error ? (
            <Alert color="red" variant="light" title="Could not resend" data-testid="resend-error">
              {errorMessage(resend.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={resend.loading}>
              Cancel
            </Button>
            <Button onClick={() => void resendNow()} loading={resend.loading} data-testid="confirm-resend">
              Queue a copy
            </Button>
          </Group>
        </Stack>
      </Modal>
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
                  {
                    label: 'Status',
                    value: (
                      <Stack gap={2} align="flex-start">
                        <EmailStatusBadge status={email.status} />
                        <Text size="xs" c="dimmed">
                          {EMAIL_STATUS_HINTS[email.status]}
                        </Text>
                      </Stack>
                    ),
                  },
                  { label: 'Created', value: formatDateTime(email.createdAt) },
                  { label: 'Sent', value: email.sentAt ? formatDateTime(email.sentAt) : null },
                  ...(email.status === 'QUEUED'
                    ? [
                        {
                          label: 'Next attempt',
                          value: email.nextAttemptAt ? (
                            <Text size="sm" data-testid="email-next-attempt">
                              {formatRelative(email.nextAttemptAt)} · {formatDateTime(email.nextAttemptAt)}
                            </Text>
                          ) : (
                            'With the next delivery run'
                          ),
                        },
                      ]
                    : []),
                  { label: 'Delivery attempts', value: <Text size="sm" data-testid="email-attempts">{email.attempts}</Text> },
                  {
                    label: 'Message id',
                    value: email.messageId ? (
                      <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {email.messageId}
                      </Text>
                    ) : null,
                  },
                  ...(email.resendOf
                    ? [
                        {
                          label: 'Copy of',
                          value: (
                            <Anchor component={Link} to={`/outbox/${email.resendOf}`} size="sm" data-testid="resend-of-link">
                              The original email
                            </Anchor>
                          ),
                        },
                      ]
                    : []),
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
              <Alert color="red" variant="light" title="Last delivery error" data-testid="email-last-error">
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
