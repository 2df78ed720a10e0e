import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// Returns the new dispute and the line's new status by id, so the cached statement shows the line
// as DISPUTED with its thread without a refetch.
const PortalDisputeCommissionLineMutationDocument = graphql(`
  mutation PortalDisputeCommissionLine($input: DisputeCommissionLineInput!) {
    disputeCommissionLine(input: $input) {
      dispute {
        ...DisputeThread_dispute
        line {
          id
          status
          dispute {
            id
          }
        }
      }
    }
  }
`);

export function useDisputeCommissionLine() {
  return useMutation(PortalDisputeCommissionLineMutationDocument);
}
