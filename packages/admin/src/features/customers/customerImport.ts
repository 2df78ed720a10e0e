import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation } from '@apollo/client/react';
import { useOnDemandPreview } from '../csv-import/csvImport';
import { graphql } from '../../gql';
import type { AdminPreviewCustomerImportQuery } from '../../gql/graphql';

// Customer CSV import (ADMIN, PARTNER_MANAGER), like the billing import: preview what the file
// would do (the real upsert, rolled back), then import every row or none.

export const CUSTOMER_CSV_HEADER = 'external_id,name,email,service_plan,mrr,signup_date,stage,usage_percent,reseller_code,assigned_since';

/** A small file in the expected shape: a new prospect, an active customer of RS-000001, an unassigned lead. */
export const CUSTOMER_CSV_EXAMPLE = [
  CUSTOMER_CSV_HEADER,
  'CUST-9001,Harbor Bakery,owner@harborbakery.example,Fiber 500,89.99,2026-01-15,ACTIVE,72,RS-000001,2026-01-15',
  'CUST-9002,Lakeside Dental,frontdesk@lakesidedental.example,Business 1G,249.00,2026-02-03,ONBOARDING,,RS-000001,2026-02-03',
  'CUST-9003,Maple Street Books,,Fiber 300,0,,LEAD,,,',
  '',
].join('\n');

const AdminPreviewCustomerImportQuery = graphql(`
  query AdminPreviewCustomerImport($input: CustomerCsvInput!) {
    previewCustomerImport(input: $input) {
      rowCount
      create
      update
      unchanged
      errorCount
      rows {
        index
        line
        externalId
        name
        email
        servicePlan
        mrr
        signupDate
        stage
        usagePercent
        resellerCode
        assignedSince
        action
        errors
      }
    }
  }
`);

export type CustomerImportPreview = AdminPreviewCustomerImportQuery['previewCustomerImport'];

const AdminImportCustomersCsvMutation = graphql(`
  mutation AdminImportCustomersCsv($input: CustomerCsvInput!) {
    importCustomersCsv(input: $input) {
      created
      updated
      unchanged
    }
  }
`);

const pickCustomerImportPreview = (data: AdminPreviewCustomerImportQuery) => data.previewCustomerImport;

/** Previews a file on demand (never cached: the answer depends on what is stored now). */
export function usePreviewCustomerImport() {
  return useOnDemandPreview(AdminPreviewCustomerImportQuery, pickCustomerImportPreview);
}

export function useImportCustomersCsv() {
  // New customers and assignments change the lists and every reseller's portfolio.
  return useMutation(AdminImportCustomersCsvMutation, { refetchQueries: ['AdminCustomers', 'AdminResellerPortfolio'] });
}

export type RowError = { index: number; field: string; message: string };

/** `extensions.rowErrors` of a refused import (the first 100) and how many there were in all. */
export function rowErrorsOf(error: unknown): { rows: RowError[]; count: number } {
  const rows: RowError[] = [];
  let count = 0;
  if (!CombinedGraphQLErrors.is(error)) return { rows, count };
  for (const e of error.errors) {
    const list = e.extensions?.['rowErrors'];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (typeof item !== 'object' || item === null) continue;
      const { index, field, message } = item as Record<string, unknown>;
      if (typeof index === 'number' && typeof message === 'string') rows.push({ index, field: typeof field === 'string' ? field : '', message });
    }
    const total = e.extensions?.['rowErrorCount'];
    count += typeof total === 'number' ? total : list.length;
  }
  return { rows, count };
}
