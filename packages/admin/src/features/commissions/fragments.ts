import { graphql } from '../../gql';

// Fragments shared by the commissions pages and the mutations that change them: a mutation selects
// the same fields, so its result updates the open page through the normalised cache.

/** One row of the runs table. */
export const CommissionRunsTable_run = graphql(`
  fragment CommissionRunsTable_run on CommissionRun {
    id
    period
    status
    startedAt
    finishedAt
    startedBy
    resellerCount
    lineCount
    adjustmentCount
    revenue {
      amount
      currency
    }
    total {
      amount
      currency
    }
    approvedAt
    approvedBy
    error
  }
`);

/** The terms of one plan version, as the plans page and the version form show them. */
export const PlanTerms_version = graphql(`
  fragment PlanTerms_version on CommissionPlanVersion {
    id
    version
    effectiveFrom
    rate
    perNewCustomer
    perActiveCustomer
    tiers {
      from
      rate
    }
    tierMode
    holdingDays
    monthlyCap
    minimumPayout
    paymentTermsDays
  }
`);

export const PlanCard_plan = graphql(`
  fragment PlanCard_plan on CommissionPlan {
    id
    name
    description
    type
    isDefault
    createdAt
    versions {
      ...PlanTerms_version
    }
  }
`);

/**
 * A dispute with its line and thread: the disputes list and its drawer. `period`, `lineAmount` and
 * `lineTrace` are the line as it stood when disputed; `line` is null once a rerun replaced it.
 */
export const DisputeDrawer_dispute = graphql(`
  fragment DisputeDrawer_dispute on CommissionDispute {
    id
    status
    resolution
    correctedAmount {
      amount
      currency
    }
    createdAt
    openedBy
    resolvedAt
    resolvedBy
    period
    lineAmount {
      amount
      currency
    }
    lineTrace
    reseller {
      id
      code
      companyName
    }
    line {
      id
      period
      kind
      adjustmentForPeriod
      plan
      status
      rate
      tier
      trace
      amount {
        amount
        currency
      }
      base {
        amount
        currency
      }
      fee {
        amount
        currency
      }
      customer {
        id
        externalId
        name
      }
    }
    messages {
      id
      authorLabel
      body
      createdAt
      fromPartner
    }
  }
`);
