import { graphql } from '../../gql';

/** The signed-in user and their reseller's profile (every partner user may read it). */
export const PortalProfileQueryDocument = graphql(`
  query PortalProfile {
    me {
      role
      user {
        id
        name
        email
      }
    }
    myReseller {
      id
      code
      companyName
      legalName
      contactName
      contactEmail
      phone
      website
      businessType
      territory
      status
      tier
      approvedAt
    }
  }
`);

/** The reseller's portal users: owner only (staff are answered FORBIDDEN), so a query of its own. */
export const PortalResellerUsersQueryDocument = graphql(`
  query PortalResellerUsers {
    myReseller {
      id
      users {
        id
        name
        email
        role
        status
        lastLoginAt
      }
    }
  }
`);
