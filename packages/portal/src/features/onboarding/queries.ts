import { graphql } from '../../gql';

/** One checklist task as its card shows it. */
export const OnboardingTaskCardFragment = graphql(`
  fragment OnboardingTaskCard_task on OnboardingTask {
    id
    key
    position
    title
    category
    priority
    effortHours
    owner
    dueDate
    prerequisites
    blockedBy
    doneWhen
    status
    completedAt
    completedBy
    note
    overdue
  }
`);

/** The whole checklist: the page's query and the completion mutation both select it. */
export const OnboardingChecklistFragment = graphql(`
  fragment OnboardingPage_checklist on OnboardingChecklist {
    progressPercent
    targetDate
    overdueCount
    reseller {
      id
      status
    }
    tasks {
      ...OnboardingTaskCard_task
    }
  }
`);

/** The signed-in partner's onboarding checklist. */
export const PortalOnboardingQueryDocument = graphql(`
  query PortalOnboarding {
    myOnboarding {
      ...OnboardingPage_checklist
    }
  }
`);
