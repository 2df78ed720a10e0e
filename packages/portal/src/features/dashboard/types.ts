import type { PartnerDashboardQuery } from '../../gql/graphql';

export type DashboardCustomer = PartnerDashboardQuery['myCustomers']['nodes'][number];
export type DashboardHistory = PartnerDashboardQuery['myCommissionHistory'];
export type DashboardHealth = NonNullable<PartnerDashboardQuery['myHealth']>;
export type DashboardReseller = PartnerDashboardQuery['myReseller'];

/** Amounts and counts line up in columns and never wrap inside. */
export const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
