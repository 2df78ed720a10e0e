import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { PortalSubmitResellerApplicationMutation } from '../../gql/graphql';

const PortalSubmitResellerApplicationMutationDocument = graphql(`
  mutation PortalSubmitResellerApplication($input: SubmitResellerApplicationInput!) {
    submitResellerApplication(input: $input) {
      statusToken
      statusUrl
      application {
        companyName
        contactEmail
        status
      }
    }
  }
`);

export type SubmittedApplication = PortalSubmitResellerApplicationMutation['submitResellerApplication'];

export function useSubmitResellerApplication() {
  return useMutation(PortalSubmitResellerApplicationMutationDocument);
}

/**
 * The success page receives the payload as router state (it is shown once: only the token's hash
 * is stored). State survives a reload of that page but not a new tab, so it is checked, not trusted.
 */
export function isSubmittedApplication(value: unknown): value is SubmittedApplication {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<SubmittedApplication>;
  return (
    typeof candidate.statusToken === 'string' &&
    typeof candidate.statusUrl === 'string' &&
    typeof candidate.application === 'object' &&
    candidate.application !== null &&
    typeof candidate.application.companyName === 'string' &&
    typeof candidate.application.contactEmail === 'string'
  );
}
