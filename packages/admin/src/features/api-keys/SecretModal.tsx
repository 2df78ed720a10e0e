import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '../../ui/icons';
import type { CreatedApiKey } from './CreateApiKeyModal';

/** The new key's secret, once: only its hash is stored, so closing this loses it for good. */
export function SecretModal({ created, onClose }: { created: CreatedApiKey | null; onClose: () => void }) {
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={<Text fw={600}>API key created</Text>}
      size="lg"
      centered
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {created && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" title="Copy the secret now">
            This is the only time “{created.name}” shows its secret. Store it in your system's secret manager; if it is lost,
            revoke the key and create a new one.
          </Alert>
          <Group gap="xs" wrap="nowrap" align="stretch">
            <Code block style={{ flex: 1, fontSize: 14, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="api-key-secret">
              {created.secret}
            </Code>
            <CopyButton value={created.secret} timeout={2000}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  h="auto"
                  miw={110}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer &lt;secret&gt;</Code> to <Code>/graphql</Code>.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="close-secret">
              I have stored the secret
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
