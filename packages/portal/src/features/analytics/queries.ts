import { graphql } from '../../gql';

/** The signed-in partner's portfolio analytics (SPEC §3), computed by the api as of today. */
export const PortalAnalyticsQueryDocument = graphql(`
  query PortalAnalytics {
    myAnalytics {
      resellerId
      asOf
      customerCount
      recurringCustomers
      atRiskCount
      mrr {
        amount
        currency
      }
      arpu {
        amount
        currency
      }
      mrrGrowthPercent
      churn {
        windowDays
        customersAtStart
        churned
        ratePercent
      }
      mrrTrend {
        period
        billed {
          amount
          currency
        }
      }
      stageCounts {
        stage
        customers
      }
      funnel {
        stage
        reached
      }
      conversions {
        from
        to
        entered
        advanced
        ratePercent
      }
      cohorts {
        cohort
        size
        retentionPercent
      }
    }
  }
`);
