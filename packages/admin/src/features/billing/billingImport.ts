import { useMutation } from '@apollo/client/react';
import { useOnDemandPreview } from '../csv-import/csvImport';
import { graphql } from '../../gql';
import type { AdminPreviewBillingImportQuery } from '../../gql/graphql';

// Billing CSV import (ADMIN, FINANCE): preview what the file would do, then import it all or
// nothing. The file is read as text in the browser and sent as the `csv` string.

export const BILLING_CSV_HEADER = 'invoice_id,customer_external_id,period,invoiced_amount,paid_amount,paid_date';

/** A small file in the expected shape (demo customers are CUST-1001…). */
export const BILLING_CSV_EXAMPLE = [
  BILLING_CSV_HEADER,
  'INV-2026-0001,CUST-1001,2026-10,120.00,120.00,2026-10-15',
  'INV-2026-0002,CUST-1002,2026-10,89.50,0,',
  'CN-2026-0001,CUST-1001,2026-10,-20.00,-20.00,2026-10-20',
  '',
].join('\n');

const AdminPreviewBillingImportQuery = graphql(`
  query AdminPreviewBillingImport($input: BillingCsvInput!) {
    previewBillingImport(input: $input) {
      rowCount
      create
      update
      unchanged
      errorCount
      rows {
        index
        line
        invoiceId
        customerExternalId
        period
        invoicedAmount
        paidAmount
        paidDate
        action
        errors
      }
    }
  }
`);

export type BillingImportPreview = AdminPreviewBillingImportQuery['previewBillingImport'];
export type BillingImportRow = BillingImportPreview['rows'][number];

const AdminImportBillingRecordsCsvMutation = graphql(`
  mutation AdminImportBillingRecordsCsv($input: BillingCsvInput!) {
    importBillingRecordsCsv(input: $input) {
      created
      updated
      unchanged
    }
  }
`);

const pickBillingImportPreview = (data: AdminPreviewBillingImportQuery) => data.previewBillingImport;

/** Previews a file on demand (never cached: the answer depends on what is stored now). */
export function usePreviewBillingImport() {
  return useOnDemandPreview(AdminPreviewBillingImportQuery, pickBillingImportPreview);
}

export function useImportBillingRecordsCsv() {
  // New billing records change what a run or a reconciliation would calculate.
  return useMutation(AdminImportBillingRecordsCsvMutation, { refetchQueries: ['AdminCommissionReconciliations'] });
}
