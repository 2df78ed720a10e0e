import { useQuery } from '@apollo/client/react';
import { tenantSlug } from '../../app/tenant';
import { graphql } from '../../gql';

/** The ISP this console signs in to (public: shown before signing in). */
const AdminPublicTenantQuery = graphql(`
  query AdminPublicTenant($slug: String) {
    publicTenant(slug: $slug) {
      id
      name
      slug
    }
  }
`);

/** `tenant` is null when the slug names no ISP; undefined while loading or after an error. */
export function usePublicTenant() {
  const { data, loading, error } = useQuery(AdminPublicTenantQuery, { variables: { slug: tenantSlug ?? null } });
  return { tenant: data ? data.publicTenant : undefined, loading, error };
}
