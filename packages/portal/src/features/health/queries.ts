import { graphql } from '../../gql';

/**
 * The signed-in partner's latest health score (SPEC §5) and its own reseller id, which the history
 * query needs (a partner may read the history of its own reseller only).
 */
export const PortalMyHealthQueryDocument = graphql(`
  query PortalMyHealth {
    myReseller {
      id
    }
    myHealth {
      resellerId
      score
      band
      computedOn
      change7d
      change30d
      components {
        key
        weight
        score
      }
    }
  }
`);

/** The dated snapshots behind the trend chart, oldest first (at most 400 days apart). */
export const PortalHealthHistoryQueryDocument = graphql(`
  query PortalHealthHistory($resellerId: ID!, $from: String!, $to: String!) {
    partnerHealthHistory(resellerId: $resellerId, from: $from, to: $to) {
      id
      computedOn
      score
      band
    }
  }
`);
