import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Box, Button, Code, Group, Modal, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../app/errors';
import { useRevokeApiKey } from '../features/api-keys/apiKeys';
import { CreateApiKeyModal, type CreatedApiKey } from '../features/api-keys/CreateApiKeyModal';
import { SecretModal } from '../features/api-keys/SecretModal';
import { canManageApiKeys } from '../features/viewer/permissions';
import { EmptyPageRow } from '../features/lists/ListTable';
import { RequireRole } from '../features/viewer/RequireRole';
import { graphql } from '../gql';
import type { AdminApiKeysQuery as AdminApiKeysData } from '../gql/graphql';
import { EmptyState, ErrorState, formatDateTime, LoadingState, PageHeader, StatusBadge } from '../ui';
import { IconPlus } from '../ui/icons';
import { roleLabel } from '../ui/labels';

const AdminApiKeysQuery = graphql(`
  query AdminApiKeys {
    apiKeys {
      id
      name
      prefix
      role
      reseller {
        id
        code
      }
      createdAt
      lastUsedAt
      revokedAt
      createdBy {
        id
        name
      }
    }
  }
`);

type ApiKeyRow = AdminApiKeysData['apiKeys'][number];

function RevokeModal({ apiKey, onClose }: { apiKey: ApiKeyRow | null; onClose: () => void }) {
  const [revoke, { loading, error, reset }] = useRevokeApiKey();
  async function confirm() {
    if (!apiKey) return;
    try {
      await revoke({ variables: { input: { apiKeyId: apiKey.id } } });
      notifications.show({ color: 'gray', title: 'Key revoked', message: `“${apiKey.name}” no longer works.` });
      onClose();
    } catch {
      // Shown from `error` below.
    }
  }
  return (
    <Modal
      opened={apiKey !== null}
      onClose={() => {
        reset();
        onClose();
      }}
      title={<Text fw={600}>Revoke API key</Text>}
      centered
    >
      {apiKey && (
        <Stack gap="md">
          <Text size="sm">
            Revoke <b>{apiKey.name}</b> (<Code>{apiKey.prefix}…</Code>)? Every system using it is refused from the next request.
            This cannot be undone.
          </Text>
          {error && (
            <Alert color="red" variant="light" title="Could not revoke the key">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void confirm()} loading={loading} data-testid="confirm-revoke">
              Revoke key
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function ApiKeys() {
  const { data, loading, error, refetch } = useQuery(AdminApiKeysQuery, { fetchPolicy: 'cache-and-network' });
  const [createOpen, setCreateOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);

  const keys = data?.apiKeys;
  const revokedCount = keys?.filter((key) => key.revokedAt).length ?? 0;
  const visible = keys?.filter((key) => showRevoked || !key.revokedAt) ?? [];

  let body;
  if (!keys) {
    body = loading ? (
      <LoadingState label="Loading API keys…" />
    ) : (
      <ErrorState error={error} title="Could not load API keys" onRetry={() => void refetch()} />
    );
  } else if (keys.length === 0) {
    body = (
      <EmptyState
        title="No API keys yet"
        description="Create a key for each system that calls the API, so each can be revoked on its own."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreateOpen(true)}>
            Create API key
          </Button>
        }
      />
    );
  } else {
    body = (
      <Paper withBorder radius="md" bg="white" style={{ overflow: 'hidden' }}>
        <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Text size="sm" c="dimmed">
            {keys.length - revokedCount} active · {revokedCount} revoked
          </Text>
          <Switch
            size="sm"
            label="Show revoked keys"
            checked={showRevoked}
            onChange={(event) => setShowRevoked(event.currentTarget.checked)}
            disabled={revokedCount === 0}
          />
        </Group>
        <Table.ScrollContainer minWidth={960} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="md" fz="sm" highlightOnHover data-testid="api-keys-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Reseller</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((key) => (
                <Table.Tr key={key.id} style={key.revokedAt ? { opacity: 0.6 } : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {key.name}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Code>{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="indigo" radius="sm" tt="none" fw={500} miw="max-content">
                      {roleLabel(key.role)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {key.reseller ? (
                      <Text component={Link} to={`/resellers/${key.reseller.id}`} size="sm" ff="monospace" c="indigo.7">
                        {key.reseller.code}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(key.createdAt)}
                    </Text>
                    {key.createdBy && (
                      <Text size="xs" c="dimmed">
                        by {key.createdBy.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {key.lastUsedAt ? formatDateTime(key.lastUsedAt) : <Text size="sm" c="dimmed">Never</Text>}
                  </Table.Td>
                  <Table.Td>
                    {key.revokedAt ? (
                      <Stack gap={0}>
                        <StatusBadge status="REVOKED" />
                        <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
                          {formatDateTime(key.revokedAt)}
                        </Text>
                      </Stack>
                    ) : (
                      <StatusBadge status="ACTIVE" />
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {!key.revokedAt && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(key)} data-testid="revoke-button">
                        Revoke
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              {visible.length === 0 && <EmptyPageRow colSpan={8}>Every key is revoked. Turn on “Show revoked keys” to see them.</EmptyPageRow>}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the ISP's systems to call the Reseller Hub API. Each acts with one role in this programme."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreateOpen(true)} data-testid="create-api-key-button">
            Create API key
          </Button>
        }
      />
      {error && keys && (
        <Box mb="md">
          <ErrorState error={error} title="Could not refresh the list" onRetry={() => void refetch()} />
        </Box>
      )}
      {body}
      <CreateApiKeyModal
        opened={createOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={(key) => {
          setCreateOpen(false);
          setCreated(key);
        }}
      />
      <SecretModal created={created} onClose={() => setCreated(null)} />
      <RevokeModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

export function ApiKeysPage() {
  return (
    <RequireRole allowed={canManageApiKeys}>
      <ApiKeys />
    </RequireRole>
  );
}
