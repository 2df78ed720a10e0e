import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

const PortalLoginMutationDocument = graphql(`
  mutation PortalLogin($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      user {
        id
        name
        email
        role
      }
    }
  }
`);

export function useLogin() {
  return useMutation(PortalLoginMutationDocument);
}
