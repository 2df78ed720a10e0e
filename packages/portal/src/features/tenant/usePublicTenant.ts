import { useQuery } from '@apollo/client/react';
import { tenantSlug } from '../../app/tenant';
import { graphql } from '../../gql';

// The ISP whose partner programme this portal is. Fetched once and shared through Apollo's cache
// by the public header, the landing page and the footer.
const PortalPublicTenantQuery = graphql(`
  query PortalPublicTenant($slug: String) {
    publicTenant(slug: $slug) {
      id
      name
      slug
      supportEmail
    }
  }
`);

/**
 * `tenant` is undefined while loading or after an error, and null when the slug names no ISP
 * (a mistyped `?tenant=` link).
 */
export function usePublicTenant() {
  const { data, loading, error, refetch } = useQuery(PortalPublicTenantQuery, {
    variables: { slug: tenantSlug ?? null },
  });
  return { tenant: data?.publicTenant, loading, error, refetch };
}
