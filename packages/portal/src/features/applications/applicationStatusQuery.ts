import { graphql } from '../../gql';

/** The applicant's view of their application, by the status token from the submission. */
export const PortalApplicationStatusQueryDocument = graphql(`
  query PortalApplicationStatus($token: String!) {
    resellerApplicationStatus(token: $token) {
      ...ApplicationStatusCard_application
    }
  }
`);
