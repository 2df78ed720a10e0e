import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, hasErrorCode } from '../../app/errors';
import { graphql } from '../../gql';
import { DetailList, ErrorState, formatDateTime, LoadingState, SectionCard } from '../../ui';
import { IconBank, IconCheck } from '../../ui/icons';
import { humanizeEnum } from '../../ui/labels';
import { canManagePayouts } from '../viewer/permissions';
import { useViewer } from '../viewer/viewer';
import { useVerifyPayoutAccount } from './mutations';

const AdminPayoutAccountQuery = graphql(`
  query AdminPayoutAccount($resellerId: ID!) {
    payoutAccount(resellerId: $resellerId) {
      ...PayoutAccountCard_account
    }
  }
`);

/**
 * The bank account a reseller's commissions are paid to, masked (the owner enters it in the
 * portal). Only verified details are paid: finance checks them with the partner, then verifies.
 */
export function PayoutAccountCard({ resellerId }: { resellerId: string }) {
  const viewer = useViewer();
  const mayVerify = canManagePayouts(viewer.role);
  const { data, loading, error, refetch } = useQuery(AdminPayoutAccountQuery, { variables: { resellerId }, fetchPolicy: 'cache-and-network' });
  const [verify, verifyState] = useVerifyPayoutAccount();
  const [verifyError, setVerifyError] = useState<unknown>(null);
  const account = data?.payoutAccount;

  async function onVerify() {
    setVerifyError(null);
    try {
      await verify({ variables: { input: { resellerId } } });
      notifications.show({ color: 'green', title: 'Payout details verified', message: 'The reseller is paid in the next payment batch.' });
    } catch (caught) {
      setVerifyError(caught);
    }
  }

  let body;
  if (!data) {
    body = loading ? <LoadingState label="Loading payout details…" /> : <ErrorState error={error} title="Could not load the payout details" onRetry={() => void refetch()} />;
  } else if (!account) {
    body = (
      <Stack gap={4} data-testid="payout-not-entered">
        <Text size="sm" fw={600}>
          Not entered yet
        </Text>
        <Text size="sm" c="dimmed">
          The reseller&apos;s owner enters the bank account in the partner portal. Until it is entered and verified, commissions carry
          over.
        </Text>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="md" data-testid="payout-account">
        <DetailList
          cols={1}
          items={[
            { label: 'Account holder', value: account.holderName },
            {
              label: 'Account',
              value: (
                <Text size="sm">
                  {humanizeEnum(account.accountType)}{' '}
                  <Text span ff="monospace" size="sm">
                    ••••{account.accountLast4}
                  </Text>
                </Text>
              ),
            },
            {
              label: 'Routing number',
              value: (
                <Text size="sm" ff="monospace">
                  {account.routingNumber}
                </Text>
              ),
            },
            { label: 'Updated', value: `${formatDateTime(account.updatedAt)} by ${account.updatedBy}` },
            {
              label: 'Verified',
              value: account.verifiedAt ? (
                <Text size="sm" data-testid="payout-verified">
                  {formatDateTime(account.verifiedAt)}
                  {account.verifiedBy ? ` by ${account.verifiedBy}` : ''}
                </Text>
              ) : (
                <Text size="sm" c="orange.8" data-testid="payout-unverified">
                  Not verified: not paid until finance verifies
                </Text>
              ),
            },
          ]}
        />
        {!account.verifiedAt && mayVerify && (
          <Button color="green" variant="light" leftSection={<IconCheck size={14} />} onClick={() => void onVerify()} loading={verifyState.loading} data-testid="verify-payout-account">
            Verify
          </Button>
        )}
        {verifyError ? (
          <Alert color={hasErrorCode(verifyError, 'CONFLICT') ? 'orange' : 'red'} variant="light" data-testid="verify-error">
            {errorMessage(verifyError)}
          </Alert>
        ) : null}
      </Stack>
    );
  }

  return (
    <SectionCard
      title={
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <IconBank size={18} />
          Payout details
        </span>
      }
      aside={
        account ? (
          account.verifiedAt ? (
            <Badge color="teal" variant="light" style={{ minWidth: 'max-content' }}>
              Verified
            </Badge>
          ) : (
            <Badge color="orange" variant="light" style={{ minWidth: 'max-content' }}>
              Unverified
            </Badge>
          )
        ) : null
      }
    >
      {body}
    </SectionCard>
  );
}
