import type { ApolloCache } from '@apollo/client';

/**
 * After a customer changes, the lists and figures computed over the portfolio (the paginated
 * customers, the work due, the analytics) are dropped from the cache, so the next page that shows
 * them asks the api again instead of showing a stale stage, follow-up or count. The customer itself
 * is updated by id from the mutation's answer.
 */
export function evictPortfolio(cache: ApolloCache) {
  for (const fieldName of ['myCustomers', 'myCustomerWorkDue', 'myAnalytics']) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}
