import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const PortalSetPasswordMutationDocument = graphql(`
  mutation PortalSetPassword($input: SetPasswordInput!) {
    setPassword(input: $input) {
      email
      tenant {
        id
        name
      }
    }
  }
`);

/** An invited user sets their password with the single-use token from the invitation email. */
export function useSetPassword() {
  return useMutation(PortalSetPasswordMutationDocument);
}
