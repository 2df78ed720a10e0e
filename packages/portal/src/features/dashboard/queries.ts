import { graphql } from '../../gql';

/**
 * Everything the partner dashboard shows, in one request (the api batches each customer's latest
 * commission line into one SQL statement). Keep the text as it is: the api's benchmark
 * (packages/api/bench/graphql-dashboard.bench.ts) and its integration test send this exact query.
 */
export const PartnerDashboardQueryDocument = graphql(`
  query PartnerDashboard {
    myReseller { id code companyName tier status }
    myCustomers(first: 50, orderBy: MRR_DESC) {
      totalCount
      nodes {
        id externalId name stage healthScore
        mrr { amount currency }
        latestCommissionLine { id period kind status amount { amount currency } base { amount currency } }
      }
    }
    myCommissionHistory(periods: 12) { period lineCount total { amount currency } }
    myHealth { score band computedOn change30d components { key score weight } }
  }
`);
