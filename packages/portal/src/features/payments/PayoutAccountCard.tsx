import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { ErrorState, formatDate } from '../../ui';
import { ACCOUNT_TYPE_LABELS, maskedAccount } from './labels';
import { PayoutAccountModal } from './PayoutAccountModal';
import { PortalPayoutAccountQueryDocument } from './queries';

function Detail({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

function CardTitle({ action }: { action?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <Stack gap={2} style={{ flex: '1 1 240px', minWidth: 0 }}>
        <Text fw={600} size="lg">
          Payout details
        </Text>
        <Text size="sm" c="dimmed">
          The bank account your commissions are paid to.
        </Text>
      </Stack>
      {action}
    </Group>
  );
}

/**
 * Where commissions are paid: holder, type, routing number and the last four digits, and whether
 * the ISP's finance team has verified them. The reseller owner adds or changes them; staff only
 * read them (the api answers their change with FORBIDDEN, so they get no button).
 */
export function PayoutAccountCard() {
  const { data, loading, error, refetch } = useQuery(PortalPayoutAccountQueryDocument);
  const [editing, edit] = useDisclosure(false);
  // Set by a save in this visit: shows where the confirmation email went.
  const [saved, setSaved] = useState(false);

  if (!data) {
    return (
      <Card withBorder padding="lg" radius="md" data-testid="payout-card">
        <Stack gap="md">
          <CardTitle />
          {loading ? (
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="lg">
              {[0, 1, 2, 3].map((index) => (
                <Skeleton key={index} h={40} />
              ))}
            </SimpleGrid>
          ) : (
            <ErrorState error={error} title="Could not load your payout details" onRetry={() => void refetch()} />
          )}
        </Stack>
      </Card>
    );
  }

  const account = data.myPayoutAccount ?? null;
  const isOwner = data.me.role === 'RESELLER_OWNER';
  const action = isOwner ? (
    <Button variant="light" onClick={edit.open} data-testid="edit-payout-account" data-print="hide">
      {account ? 'Edit' : 'Add bank details'}
    </Button>
  ) : undefined;

  return (
    <Card withBorder padding="lg" radius="md" data-testid="payout-card">
      <Stack gap="lg">
        <CardTitle action={action} />

        {account ? (
          <>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="lg" verticalSpacing="md">
              <Detail label="Account holder" testId="payout-holder">
                {account.holderName}
              </Detail>
              <Detail label="Account type">{ACCOUNT_TYPE_LABELS[account.accountType]}</Detail>
              <Detail label="Routing number">
                <Text span ff="monospace" size="sm">
                  {account.routingNumber}
                </Text>
              </Detail>
              <Detail label="Account number">
                <Text span ff="monospace" size="sm" fw={600} data-testid="payout-last4">
                  {maskedAccount(account.accountLast4)}
                </Text>
              </Detail>
            </SimpleGrid>
            {account.verifiedAt ? (
              <Alert variant="light" color="teal" p="sm" data-testid="payout-verification" data-verified="true">
                <Text size="sm">
                  <b>Verified</b> by the ISP’s finance team on {formatDate(account.verifiedAt)}. Payments go to this account.
                </Text>
              </Alert>
            ) : (
              <Alert variant="light" color="yellow" p="sm" data-testid="payout-verification" data-verified="false">
                <Text size="sm">
                  <b>Waiting for verification</b> — payments start once our finance team verifies it.
                </Text>
              </Alert>
            )}
          </>
        ) : (
          <Alert variant="light" color="gray" p="sm" data-testid="payout-missing">
            <Text size="sm">
              No bank details yet. Commissions are paid by ACH transfer once {isOwner ? 'you add' : 'the account owner adds'} the company’s
              bank account and the ISP’s finance team verifies it.
            </Text>
          </Alert>
        )}

        {saved && (
          <Text size="sm" c="dimmed" data-testid="payout-email-note">
            Saved. A confirmation email was sent to the partner contact, <b>{data.myReseller.contactEmail}</b>.
          </Text>
        )}

        {!isOwner && (
          <Text size="sm" c="dimmed">
            Only the account owner can add or change the bank details.
          </Text>
        )}
      </Stack>

      {isOwner && <PayoutAccountModal opened={editing} onClose={edit.close} account={account} onSaved={() => setSaved(true)} />}
    </Card>
  );
}
