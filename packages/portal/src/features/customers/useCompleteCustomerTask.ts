import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { evictPortfolio } from './cache';

// The task comes back with its customer's tasks (the list re-sorts: open ones first).
const PortalCompleteCustomerTaskMutationDocument = graphql(`
  mutation PortalCompleteCustomerTask($input: CompleteCustomerTaskInput!) {
    completeCustomerTask(input: $input) {
      task {
        ...CustomerTasks_task
        customer {
          id
          tasks {
            ...CustomerTasks_task
          }
        }
      }
    }
  }
`);

export function useCompleteCustomerTask() {
  return useMutation(PortalCompleteCustomerTaskMutationDocument, { update: evictPortfolio });
}
