// Which ISP (tenant) this console signs in to. A link like /admin/?tenant=acme-fiber selects it;
// it is remembered so later visits without the parameter stay on that ISP. `undefined` means the
// deployment's default tenant. Pass it to the api as `publicTenant(slug: $slug)`.

const STORAGE_KEY = 'rh.admin.tenant';

function resolveTenantSlug(): string | undefined {
  const fromUrl = new URLSearchParams(window.location.search).get('tenant');
  if (fromUrl !== null) {
    const slug = fromUrl.trim();
    // `?tenant=` with an empty value forgets the remembered tenant.
    if (slug) localStorage.setItem(STORAGE_KEY, slug);
    else localStorage.removeItem(STORAGE_KEY);
    return slug || undefined;
  }
  return localStorage.getItem(STORAGE_KEY) ?? undefined;
}

/** Read once on load: the tenant does not change while the page is open. */
export const tenantSlug: string | undefined = resolveTenantSlug();
