import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// Returns the whole thread by id, so the cached dispute shows the new message (and any answer
// that arrived meanwhile) without a refetch.
const PortalAddCommissionDisputeMessageMutationDocument = graphql(`
  mutation PortalAddCommissionDisputeMessage($input: AddCommissionDisputeMessageInput!) {
    addCommissionDisputeMessage(input: $input) {
      dispute {
        ...DisputeThread_dispute
        line {
          id
          status
        }
      }
    }
  }
`);

export function useAddCommissionDisputeMessage() {
  return useMutation(PortalAddCommissionDisputeMessageMutationDocument);
}
