import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// Customers (SPEC §3) in the admin console: documents and one hook per mutation. Every mutation
// that changes a customer returns the whole detail fragment, so the open page updates from the
// cache, and refetches the lists and analytics it can change.

export const CustomerDetail_customer = graphql(`
  fragment CustomerDetail_customer on Customer {
    id
    externalId
    name
    email
    servicePlan
    mrr {
      amount
      currency
    }
    signupDate
    usagePercent
    stage
    stageEnteredAt
    daysInStage
    allowedNextStages
    healthScore
    healthComputedAt
    healthComponents {
      key
      score
      weight
    }
    createdAt
    updatedAt
    reseller {
      id
      code
      companyName
      status
    }
    assignments {
      id
      fromDate
      toDate
      reason
      createdAt
      reseller {
        id
        code
        companyName
      }
    }
    transitions {
      id
      fromStage
      toStage
      at
      actor
      reason
    }
    timeInStages {
      stage
      days
      visits
    }
    tasks {
      id
      type
      title
      stage
      status
      dueDate
      completedAt
      completedBy
      note
    }
    interactions {
      id
      type
      occurredOn
      durationMinutes
      outcome
      satisfaction
      followUpOn
      followUpDoneAt
      notes
      loggedBy
      createdAt
    }
  }
`);

// What the customer list and the reseller's portfolio show: refetched after a change.
const CUSTOMER_LISTS = ['AdminCustomers', 'AdminResellerPortfolio'];

const AdminAssignCustomerMutation = graphql(`
  mutation AdminAssignCustomer($input: AssignCustomerInput!) {
    assignCustomer(input: $input) {
      customer {
        ...CustomerDetail_customer
      }
    }
  }
`);

export function useAssignCustomer() {
  return useMutation(AdminAssignCustomerMutation, { refetchQueries: CUSTOMER_LISTS });
}

const AdminReassignCustomerMutation = graphql(`
  mutation AdminReassignCustomer($input: ReassignCustomerInput!) {
    reassignCustomer(input: $input) {
      customer {
        ...CustomerDetail_customer
      }
    }
  }
`);

export function useReassignCustomer() {
  return useMutation(AdminReassignCustomerMutation, { refetchQueries: CUSTOMER_LISTS });
}

const AdminMoveCustomerStageMutation = graphql(`
  mutation AdminMoveCustomerStage($input: MoveCustomerStageInput!) {
    moveCustomerStage(input: $input) {
      customer {
        ...CustomerDetail_customer
      }
    }
  }
`);

export function useMoveCustomerStage() {
  return useMutation(AdminMoveCustomerStageMutation, { refetchQueries: CUSTOMER_LISTS });
}

const AdminLogCustomerInteractionMutation = graphql(`
  mutation AdminLogCustomerInteraction($input: LogCustomerInteractionInput!) {
    logCustomerInteraction(input: $input) {
      interaction {
        id
        customer {
          ...CustomerDetail_customer
        }
      }
    }
  }
`);

export function useLogCustomerInteraction() {
  return useMutation(AdminLogCustomerInteractionMutation);
}

const AdminCompleteCustomerTaskMutation = graphql(`
  mutation AdminCompleteCustomerTask($input: CompleteCustomerTaskInput!) {
    completeCustomerTask(input: $input) {
      task {
        id
        customer {
          ...CustomerDetail_customer
        }
      }
    }
  }
`);

export function useCompleteCustomerTask() {
  return useMutation(AdminCompleteCustomerTaskMutation);
}

const AdminCompleteCustomerFollowUpMutation = graphql(`
  mutation AdminCompleteCustomerFollowUp($input: CompleteCustomerFollowUpInput!) {
    completeCustomerFollowUp(input: $input) {
      interaction {
        id
        followUpDoneAt
      }
    }
  }
`);

export function useCompleteCustomerFollowUp() {
  return useMutation(AdminCompleteCustomerFollowUpMutation);
}

const AdminRecomputeCustomerHealthMutation = graphql(`
  mutation AdminRecomputeCustomerHealth($input: RecomputeCustomerHealthInput) {
    recomputeCustomerHealth(input: $input) {
      scored
      movedToAtRisk
    }
  }
`);

export function useRecomputeCustomerHealth() {
  // Scores and stages change everywhere: the list, an open customer, the portfolio.
  return useMutation(AdminRecomputeCustomerHealthMutation, { refetchQueries: [...CUSTOMER_LISTS, 'AdminCustomerDetail'] });
}

/** Today as YYYY-MM-DD in the browser's calendar (a date input's default). */
export function todayDay(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
