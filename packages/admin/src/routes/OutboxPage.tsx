import { useQuery } from '@apollo/client/react';
import { ConnectionPagination } from '../features/lists/ConnectionPagination';
import { Anchor, Badge, Box, Button, Group, MultiSelect, Select, Table, Text, Tooltip } from '@mantine/core';
import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import { ListTable, rowLinkProps, EmptyPageRow } from '../features/lists/ListTable';
import { SearchInput } from '../features/lists/SearchInput';
import { EMAIL_STATUSES, EmailStatusBadge } from '../features/outbox/EmailStatusBadge';
import { listRetry, useListParams } from '../features/lists/useListParams';
import { canReadEmails } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { graphql } from '../gql';
import type { EmailStatus, EmailTemplate } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, formatNumber, formatRelative, LoadingState, PageHeader } from '../ui';
import { emailTemplateLabel, humanizeEnum } from '../ui/labels';

const PAGE_SIZE = 20;

const AdminOutboxEmailsQuery = graphql(`
  query AdminOutboxEmails($first: Int!, $after: String, $filter: OutboxEmailFilter) {
    outboxEmails(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        toAddress
        toName
        subject
        template
        status
        attempts
        lastError
        nextAttemptAt
        sentAt
        resendOf
        createdAt
      }
    }
  }
`);

const TEMPLATES: EmailTemplate[] = [
  'APPLICATION_RECEIVED',
  'NEW_APPLICATION_ADMIN',
  'APPLICATION_APPROVED',
  'APPLICATION_REJECTED',
  'ONBOARDING_TASK_REMINDER',
  'ONBOARDING_COMPLETED',
  'PARTNER_ALERT',
  'COMMISSION_RUN_READY',
  'COMMISSION_STATEMENT',
  'PAYMENT_STATEMENT',
  'PAYOUT_ACCOUNT_CHANGED',
];

/** `?status=QUEUED,FAILED` → the known statuses among them. */
function statusesOf(text: string): EmailStatus[] {
  const wanted = new Set(text.split(',').filter(Boolean));
  return EMAIL_STATUSES.filter((status) => wanted.has(status));
}

function OutboxList() {
  const navigate = useNavigate();
  const list = useListParams();
  const template = TEMPLATES.find((t) => t === list.get('template')) ?? null;
  const search = list.get('q');
  const statuses = statusesOf(list.get('status'));

  const { data, previousData, loading, error, refetch } = useQuery(AdminOutboxEmailsQuery, {
    variables: {
      first: PAGE_SIZE,
      after: list.after,
      filter: { template: template ? [template] : null, search: search || null, status: statuses.length ? statuses : null },
    },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.outboxEmails;
  const { setFilters } = list;
  const onSearch = useCallback((value: string) => setFilters({ q: value }, { replace: true }), [setFilters]);
  const filtered = template !== null || search !== '' || statuses.length > 0;

  let body;
  if (error && !connection) {
    body = <ErrorState error={error} title="Could not load the outbox" {...listRetry(list, refetch)} />;
  } else if (!connection) {
    body = <LoadingState label="Loading emails…" />;
  } else if (connection.nodes.length === 0 && list.page === 1) {
    body = (
      <EmptyState
        title={filtered ? 'No emails match these filters' : 'No emails yet'}
        description={filtered ? 'Try another template, status or search.' : 'Emails appear here as soon as the platform queues them.'}
        action={
          filtered ? (
            <Button variant="light" onClick={() => setFilters({ template: null, q: null, status: null })}>
              Clear filters
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <ListTable
        refreshing={loading && !data}
        footer={
          <ConnectionPagination list={list} connection={connection} pageSize={PAGE_SIZE} disabled={loading && !data} />
        }
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Template</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Delivery</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connection.nodes.map((email) => (
            <Table.Tr key={email.id} data-testid="outbox-row" data-status={email.status} data-id={email.id} {...rowLinkProps(() => void navigate(`/outbox/${email.id}`))}>
              <Table.Td maw={220}>
                <Text size="sm" fw={600} truncate>
                  {email.toName ?? email.toAddress}
                </Text>
                {email.toName && (
                  <Text size="xs" c="dimmed" truncate>
                    {email.toAddress}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={300}>
                <Anchor component={Link} to={`/outbox/${email.id}`} size="sm" c="dark" style={{ display: 'block' }}>
                  <Text size="sm" truncate inherit>
                    {email.subject}
                  </Text>
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="default" radius="sm" tt="none" fw={500} miw="max-content">
                  {emailTemplateLabel(email.template)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <EmailStatusBadge status={email.status} />
                {email.status === 'QUEUED' && email.nextAttemptAt && (
                  <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }} title={formatDateTime(email.nextAttemptAt)}>
                    next {formatRelative(email.nextAttemptAt)}
                  </Text>
                )}
                {email.status === 'SENT' && email.sentAt && (
                  <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(email.sentAt)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={220}>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="outbox-attempts">
                  {email.attempts} attempt{email.attempts === 1 ? '' : 's'}
                </Text>
                {email.lastError && (
                  <Tooltip label={email.lastError} multiline w={360} withArrow>
                    <Text size="xs" c="red" lineClamp={2} style={{ overflowWrap: 'anywhere' }} data-testid="outbox-last-error">
                      {email.lastError}
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(email.createdAt)}
                {email.resendOf && (
                  <Text size="xs" c="dimmed">
                    Resent copy
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {connection.nodes.length === 0 && <EmptyPageRow colSpan={6}>No more emails on this page.</EmptyPageRow>}
        </Table.Tbody>
      </ListTable>
    );
  }

  return (
    <>
      <PageHeader
        title="Outbox"
        description={
          connection
            ? `${formatNumber(connection.totalCount)} email${connection.totalCount === 1 ? '' : 's'}${filtered ? ' matching the filters' : ''}, newest first`
            : 'Emails the platform has queued, sent, captured or failed to send.'
        }
      />
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <Select
            aria-label="Template"
            placeholder="All templates"
            data={TEMPLATES.map((value) => ({ value, label: emailTemplateLabel(value) }))}
            value={template}
            onChange={(value) => setFilters({ template: value })}
            clearable
            w={240}
          />
          <MultiSelect
            aria-label="Status"
            placeholder={statuses.length ? undefined : 'All statuses'}
            data={EMAIL_STATUSES.map((value) => ({ value, label: humanizeEnum(value) }))}
            value={statuses}
            onChange={(values) => setFilters({ status: EMAIL_STATUSES.filter((s) => values.includes(s)).join(',') })}
            clearable
            w={statuses.length > 2 ? 340 : 260}
            data-testid="outbox-filter-status"
          />
        </Group>
        <SearchInput value={search} onSearch={onSearch} placeholder="Search recipient or subject" />
      </Group>
      {error && connection && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the list" onRetry={() => void refetch()} />
        </Box>
      )}
      {body}
    </>
  );
}

export function OutboxPage() {
  return (
    <RequireRole allowed={canReadEmails}>
      <OutboxList />
    </RequireRole>
  );
}
