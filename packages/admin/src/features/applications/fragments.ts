import { graphql } from '../../gql';

/**
 * Everything the application page shows except its emails (partner team only, so the page's
 * query asks for those separately). Mutations select the same fragment, so a decision updates
 * the open page from the normalised cache.
 */
export const ApplicationDetailPage_application = graphql(`
  fragment ApplicationDetailPage_application on ResellerApplication {
    id
    status
    companyName
    legalName
    contactName
    contactEmail
    phone
    website
    businessType
    yearsInBusiness
    territory
    expectedCustomersPerMonth
    currentCustomerBase
    servicesOfInterest
    referralSource
    message
    termsAcceptedAt
    createdAt
    updatedAt
    reviewStartedAt
    reviewer {
      id
      name
    }
    decidedAt
    decidedBy {
      id
      name
    }
    rejectionReason
    withdrawnAt
    reseller {
      id
      code
      companyName
      status
    }
    notes {
      id
      body
      createdAt
      author {
        id
        name
      }
    }
    history {
      ...HistoryTimeline_events
    }
  }
`);
