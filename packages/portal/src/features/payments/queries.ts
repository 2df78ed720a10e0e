import { graphql } from '../../gql';

// The partner's payments and payout details. `Payment.batch` is staff-only (a batch lists other
// resellers' payments): partners get FORBIDDEN for it, so no document here selects it; the
// batch's period and effective date come as fields of the payment itself.

/** The bank account commissions are paid to, masked: only the last four digits ever arrive. */
export const PayoutAccountFragment = graphql(`
  fragment PayoutAccountCard_account on PayoutAccount {
    id
    holderName
    accountType
    routingNumber
    accountLast4
    verifiedAt
    updatedAt
  }
`);

/** One row of the payments list. */
export const PaymentRowFragment = graphql(`
  fragment PaymentsTable_payment on Payment {
    id
    period
    status
    effectiveDate
    traceNumber
    accountLast4
    failureReason
    settledAt
    lineCount
    amount {
      amount
      currency
    }
  }
`);

/** The payout details card: the role (only the owner may change them) and where the change email goes. */
export const PortalPayoutAccountQueryDocument = graphql(`
  query PortalPayoutAccount {
    me {
      role
    }
    myReseller {
      id
      contactEmail
    }
    myPayoutAccount {
      ...PayoutAccountCard_account
    }
  }
`);

/** One page of the partner's payments, newest first. */
export const PortalMyPaymentsQueryDocument = graphql(`
  query PortalMyPayments($first: Int!, $after: String) {
    myPayments(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...PaymentsTable_payment
      }
    }
  }
`);

/** A payment's statement: the payment and every commission line it pays. */
export const PortalPaymentStatementQueryDocument = graphql(`
  query PortalPaymentStatement($id: ID!) {
    me {
      reseller {
        id
        companyName
        code
      }
      tenant {
        id
        name
      }
    }
    payment(id: $id) {
      id
      period
      status
      effectiveDate
      traceNumber
      holderName
      accountType
      accountLast4
      failureReason
      failedAt
      settledAt
      createdAt
      amount {
        amount
        currency
      }
      lines {
        id
        period
        kind
        adjustmentForPeriod
        trace
        amount {
          amount
          currency
        }
        customer {
          id
          externalId
          name
        }
      }
    }
  }
`);
