import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// Returns the changed fields by id, so the cached profile updates without a refetch.
const PortalUpdateMyResellerProfileMutationDocument = graphql(`
  mutation PortalUpdateMyResellerProfile($input: UpdateMyResellerProfileInput!) {
    updateMyResellerProfile(input: $input) {
      reseller {
        id
        contactName
        phone
        website
      }
    }
  }
`);

export function useUpdateMyResellerProfile() {
  return useMutation(PortalUpdateMyResellerProfileMutationDocument);
}
