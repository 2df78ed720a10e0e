import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// One hook per API-key mutation. Creating refetches the list (a new row); revoking updates the
// row in place through the normalised cache.

const AdminCreateApiKeyMutation = graphql(`
  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
        prefix
        role
      }
    }
  }
`);

const AdminRevokeApiKeyMutation = graphql(`
  mutation AdminRevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        revokedAt
      }
    }
  }
`);

export function useCreateApiKey() {
  return useMutation(AdminCreateApiKeyMutation, { refetchQueries: ['AdminApiKeys'], awaitRefetchQueries: true });
}

export function useRevokeApiKey() {
  return useMutation(AdminRevokeApiKeyMutation);
}
