import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { PortalOnboardingQueryDocument } from './queries';

// Returns the whole checklist. Tasks and the reseller update by id; the checklist itself has no id
// (progress, overdue count), so it is written over the page's query.
const PortalCompleteOnboardingTaskMutationDocument = graphql(`
  mutation PortalCompleteOnboardingTask($input: CompleteOnboardingTaskInput!) {
    completeOnboardingTask(input: $input) {
      checklist {
        ...OnboardingPage_checklist
      }
    }
  }
`);

export function useCompleteOnboardingTask() {
  return useMutation(PortalCompleteOnboardingTaskMutationDocument, {
    update(cache, { data }) {
      const checklist = data?.completeOnboardingTask.checklist;
      if (checklist) cache.writeQuery({ query: PortalOnboardingQueryDocument, data: { myOnboarding: checklist } });
    },
  });
}
