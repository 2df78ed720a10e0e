import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { evictPortfolio } from './cache';

// The new interaction comes back with its customer (interactions list, follow-ups) by id.
const PortalLogCustomerInteractionMutationDocument = graphql(`
  mutation PortalLogCustomerInteraction($input: LogCustomerInteractionInput!) {
    logCustomerInteraction(input: $input) {
      interaction {
        ...CustomerInteractions_interaction
        customer {
          ...CustomerDetail_customer
        }
      }
    }
  }
`);

export function useLogCustomerInteraction() {
  return useMutation(PortalLogCustomerInteractionMutationDocument, { update: evictPortfolio });
}
