import { graphql } from '../../gql';

/** A dispute and its thread (partner and ISP messages, oldest first). */
export const DisputeThreadFragment = graphql(`
  fragment DisputeThread_dispute on CommissionDispute {
    id
    status
    resolution
    createdAt
    resolvedAt
    correctedAmount {
      amount
      currency
    }
    messages {
      id
      authorLabel
      fromPartner
      body
      createdAt
    }
  }
`);

/** One commission line as the lines table shows it, with its latest dispute. */
export const CommissionLinesFragment = graphql(`
  fragment CommissionLines_line on CommissionLine {
    id
    period
    kind
    status
    adjustmentForPeriod
    plan
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
    dispute {
      ...DisputeThread_dispute
    }
  }
`);

/** The partner's totals of the last 12 periods that have lines, newest first (and the ISP's name). */
export const PortalCommissionHistoryQueryDocument = graphql(`
  query PortalCommissionHistory {
    me {
      tenant {
        id
        name
      }
    }
    myCommissionHistory(periods: 12) {
      period
      lineCount
      total {
        amount
        currency
      }
    }
  }
`);

/** One period's lines, each with how it was calculated. */
export const PortalCommissionStatementQueryDocument = graphql(`
  query PortalCommissionStatement($period: String!) {
    myCommissions(period: $period) {
      period
      total {
        amount
        currency
      }
      lines {
        ...CommissionLines_line
      }
    }
  }
`);
