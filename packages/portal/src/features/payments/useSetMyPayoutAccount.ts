import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// Returns the masked account with the card's fields. A changed account keeps its id, so the cached
// card updates by itself; a first account is new to the cache, so `myPayoutAccount` is pointed at it.
const PortalSetMyPayoutAccountMutationDocument = graphql(`
  mutation PortalSetMyPayoutAccount($input: SetMyPayoutAccountInput!) {
    setMyPayoutAccount(input: $input) {
      payoutAccount {
        ...PayoutAccountCard_account
      }
    }
  }
`);

export function useSetMyPayoutAccount() {
  return useMutation(PortalSetMyPayoutAccountMutationDocument, {
    update(cache, { data }) {
      const account = data?.setMyPayoutAccount.payoutAccount;
      if (!account) return;
      cache.modify({
        fields: {
          myPayoutAccount: (_existing, { toReference }) => toReference({ __typename: 'PayoutAccount', id: account.id }) ?? null,
        },
      });
    },
  });
}
