import { graphql } from '../../gql';

/** One customer as a row of the My customers table shows it. */
export const CustomerRowFragment = graphql(`
  fragment CustomersTable_customer on Customer {
    id
    externalId
    name
    servicePlan
    mrr {
      amount
      currency
    }
    stage
    daysInStage
    healthScore
  }
`);

/** One page of the partner's customers (server-side filter, search, order and cursor). */
export const PortalMyCustomersQueryDocument = graphql(`
  query PortalMyCustomers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
    myCustomers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CustomersTable_customer
      }
    }
  }
`);

/** An interaction as the detail page lists it (its follow-up included). */
export const CustomerInteractionFragment = graphql(`
  fragment CustomerInteractions_interaction on CustomerInteraction {
    id
    type
    occurredOn
    durationMinutes
    outcome
    satisfaction
    notes
    followUpOn
    followUpDoneAt
    loggedBy
    createdAt
  }
`);

/** A lifecycle task as the detail page lists it. */
export const CustomerTaskFragment = graphql(`
  fragment CustomerTasks_task on CustomerTask {
    id
    type
    title
    stage
    dueDate
    status
    completedAt
    completedBy
    note
  }
`);

/** Everything the customer detail page shows; the mutations return it so the page updates by id. */
export const CustomerDetailFragment = graphql(`
  fragment CustomerDetail_customer on Customer {
    id
    externalId
    name
    email
    servicePlan
    signupDate
    mrr {
      amount
      currency
    }
    stage
    stageEnteredAt
    daysInStage
    allowedNextStages
    healthScore
    healthComputedAt
    usagePercent
    healthComponents {
      key
      weight
      score
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
      ...CustomerTasks_task
    }
    interactions {
      ...CustomerInteractions_interaction
    }
  }
`);

export const PortalCustomerQueryDocument = graphql(`
  query PortalCustomer($id: ID!) {
    customer(id: $id) {
      ...CustomerDetail_customer
    }
  }
`);

/** A follow-up or task of the "Due this week" card, with the customer it belongs to. */
export const PortalCustomerWorkDueQueryDocument = graphql(`
  query PortalCustomerWorkDue($withinDays: Int) {
    myCustomerWorkDue(withinDays: $withinDays) {
      followUps {
        id
        type
        occurredOn
        followUpOn
        notes
        customer {
          id
          name
        }
      }
      tasks {
        id
        title
        type
        dueDate
        customer {
          id
          name
        }
      }
    }
  }
`);
