import { Button, Code, CopyButton, Group, Stack, Text, Tooltip, ActionIcon } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PaymentFileCard_FileFragment } from '../../gql/graphql';
import { DetailList, formatDateTime, SectionCard } from '../../ui';
import { IconCheck, IconCopy, IconDownload, IconFile } from '../../ui/icons';
import { downloadPaymentFile, remittanceFileName } from './download';
import { formatByteSize } from './payouts';

type Kind = 'nacha' | 'csv';

/**
 * The exported NACHA file and remittance CSV: written once at the first export, byte for byte the
 * same on every download (the SHA-256 lets the bank portal's upload be checked against it).
 */
export function PaymentFileCard({ file, mayDownload }: { file: PaymentFileCard_FileFragment; mayDownload: boolean }) {
  const [busy, setBusy] = useState<Kind | null>(null);

  async function download(kind: Kind) {
    setBusy(kind);
    try {
      if (kind === 'nacha') await downloadPaymentFile(file.nachaUrl, file.fileName);
      else await downloadPaymentFile(file.remittanceCsvUrl, remittanceFileName(file.fileName));
    } catch (caught) {
      notifications.show({
        color: 'red',
        title: kind === 'nacha' ? 'Could not download the NACHA file' : 'Could not download the remittance CSV',
        message: caught instanceof Error ? caught.message : 'Unknown error.',
      });
    } finally {
      setBusy(null);
    }
  }

  return (
    <SectionCard
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <IconFile size={18} />
          ACH file
        </span>
      }
    >
      <Stack gap="md" data-testid="payment-file-card">
        <DetailList
          cols={1}
          items={[
            {
              label: 'File name',
              value: (
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="file-name">
                  {file.fileName}
                </Text>
              ),
            },
            { label: 'Size', value: formatByteSize(file.byteSize) },
            {
              label: 'SHA-256',
              value: (
                <Group gap={4} wrap="nowrap" align="flex-start">
                  <Code block style={{ flex: 1, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }} data-testid="file-sha256">
                    {file.sha256}
                  </Code>
                  <CopyButton value={file.sha256} timeout={1500}>
                    {({ copied, copy }) => (
                      <Tooltip label={copied ? 'Copied' : 'Copy SHA-256'} withArrow>
                        <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy SHA-256">
                          {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </CopyButton>
                </Group>
              ),
            },
            { label: 'Written', value: `${formatDateTime(file.createdAt)} by ${file.createdBy}` },
          ]}
        />
        {mayDownload ? (
          <Stack gap="xs">
            <Button leftSection={<IconDownload size={16} />} onClick={() => void download('nacha')} loading={busy === 'nacha'} disabled={busy !== null && busy !== 'nacha'} fullWidth data-testid="download-nacha">
              Download NACHA
            </Button>
            <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void download('csv')} loading={busy === 'csv'} disabled={busy !== null && busy !== 'csv'} fullWidth data-testid="download-remittance">
              Download remittance CSV
            </Button>
            <Text size="xs" c="dimmed">
              Exporting again returns this same file: check the SHA-256 after uploading it to the bank.
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            Only finance and administrators download the file: it holds full account numbers.
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
