import { graphql } from '../../gql';

// Payment batches (SPEC §4 "Payment batch"): fragments named after the component that renders them.

export const PaymentBatchesTable_batch = graphql(`
  fragment PaymentBatchesTable_batch on PaymentBatch {
    id
    createdAt
    period
    status
    paymentCount
    total {
      amount
      currency
    }
    createdByLabel
    approvedByLabel
    approvedAt
  }
`);

export const PaymentFileCard_file = graphql(`
  fragment PaymentFileCard_file on PaymentBatchFile {
    fileName
    sha256
    byteSize
    nachaUrl
    remittanceCsvUrl
    createdAt
    createdBy
  }
`);

export const PaymentsTable_payment = graphql(`
  fragment PaymentsTable_payment on Payment {
    id
    status
    amount {
      amount
      currency
    }
    lineCount
    holderName
    secCode
    accountType
    routingNumber
    accountLast4
    traceNumber
    settledAt
    failedAt
    failureReason
    decidedBy
    reseller {
      id
      code
      companyName
    }
  }
`);

export const SkippedPayouts_skipped = graphql(`
  fragment SkippedPayouts_skipped on SkippedPayout {
    resellerId
    code
    name
    reason
    amount {
      amount
      currency
    }
  }
`);

export const PaymentBatchDetail_batch = graphql(`
  fragment PaymentBatchDetail_batch on PaymentBatch {
    id
    status
    period
    createdAt
    createdByLabel
    approvedAt
    approvedByLabel
    exportedAt
    exportedBy
    effectiveDate
    paymentCount
    total {
      amount
      currency
    }
    file {
      ...PaymentFileCard_file
    }
    payments {
      ...PaymentsTable_payment
    }
    skipped {
      ...SkippedPayouts_skipped
    }
  }
`);

export const PayoutAccountCard_account = graphql(`
  fragment PayoutAccountCard_account on PayoutAccount {
    id
    holderName
    accountType
    routingNumber
    accountLast4
    createdAt
    updatedAt
    updatedBy
    verifiedAt
    verifiedBy
  }
`);

export const AchSettingsForm_settings = graphql(`
  fragment AchSettingsForm_settings on AchSettings {
    immediateDestination
    immediateDestinationName
    immediateOrigin
    immediateOriginName
    companyName
    companyId
    odfiRouting
  }
`);
