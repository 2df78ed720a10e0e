import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { PortalApplicationStatusQueryDocument } from './applicationStatusQuery';

const PortalWithdrawResellerApplicationMutationDocument = graphql(`
  mutation PortalWithdrawResellerApplication($input: WithdrawResellerApplicationInput!) {
    withdrawResellerApplication(input: $input) {
      application {
        ...ApplicationStatusCard_application
      }
    }
  }
`);

/**
 * Withdraws the application the status token belongs to. ApplicationStatusView has no id, so the
 * cache cannot match it by itself: the result is written over the status query for this token.
 */
export function useWithdrawResellerApplication(token: string) {
  return useMutation(PortalWithdrawResellerApplicationMutationDocument, {
    update(cache, { data }) {
      const application = data?.withdrawResellerApplication.application;
      if (!application) return;
      cache.writeQuery({
        query: PortalApplicationStatusQueryDocument,
        variables: { token },
        data: { resellerApplicationStatus: application },
      });
    },
  });
}
