import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { evictPortfolio } from './cache';

const PortalCompleteCustomerFollowUpMutationDocument = graphql(`
  mutation PortalCompleteCustomerFollowUp($input: CompleteCustomerFollowUpInput!) {
    completeCustomerFollowUp(input: $input) {
      interaction {
        ...CustomerInteractions_interaction
      }
    }
  }
`);

export function useCompleteCustomerFollowUp() {
  return useMutation(PortalCompleteCustomerFollowUpMutationDocument, { update: evictPortfolio });
}
