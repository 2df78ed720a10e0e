import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { graphql } from '../../gql';

// A reseller's onboarding checklist (SPEC §2.4): partner tasks are completed in the portal, ISP
// tasks here by the partner team (ADMIN, PARTNER_MANAGER), prerequisites first.

export const OnboardingSection_checklist = graphql(`
  fragment OnboardingSection_checklist on OnboardingChecklist {
    progressPercent
    targetDate
    overdueCount
    tasks {
      id
      key
      title
      owner
      dueDate
      status
      blockedBy
      overdue
      completedAt
      completedBy
      note
      doneWhen
    }
  }
`);

const AdminCompleteOnboardingTaskMutation = graphql(`
  mutation AdminCompleteOnboardingTask($input: CompleteOnboardingTaskInput!) {
    completeOnboardingTask(input: $input) {
      checklist {
        reseller {
          id
          status
          statusChangedAt
          onboarding {
            ...OnboardingSection_checklist
          }
        }
      }
    }
  }
`);

export function useCompleteOnboardingTask() {
  // The last task activates the reseller (history, status); the overdue list shrinks.
  return useMutation(AdminCompleteOnboardingTaskMutation, { refetchQueries: ['AdminResellerDetail', 'AdminOverdueOnboardingTasks'] });
}

/** `extensions.openPrerequisites` of a BAD_USER_INPUT: the task keys to complete first. */
export function openPrerequisitesOf(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const keys: string[] = [];
  for (const e of error.errors) {
    const open = e.extensions?.['openPrerequisites'];
    if (Array.isArray(open)) keys.push(...open.filter((key): key is string => typeof key === 'string'));
  }
  return keys;
}
