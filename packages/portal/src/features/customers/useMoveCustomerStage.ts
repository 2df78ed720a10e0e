import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { evictPortfolio } from './cache';

// Returns the whole customer (stage, allowed moves, timeline, new stage tasks) by id.
const PortalMoveCustomerStageMutationDocument = graphql(`
  mutation PortalMoveCustomerStage($input: MoveCustomerStageInput!) {
    moveCustomerStage(input: $input) {
      customer {
        ...CustomerDetail_customer
      }
    }
  }
`);

export function useMoveCustomerStage() {
  return useMutation(PortalMoveCustomerStageMutationDocument, { update: evictPortfolio });
}
