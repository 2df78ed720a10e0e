import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// Reconciliation (SPEC §4): finance recomputes a period from billing records and decides each
// discrepancy with the stored lines. Every staff role reads; ADMIN and FINANCE act.

export const ReconciliationDetail_reconciliation = graphql(`
  fragment ReconciliationDetail_reconciliation on CommissionReconciliation {
    id
    period
    createdAt
    createdBy
    openCount
    expectedTotal {
      amount
      currency
    }
    storedTotal {
      amount
      currency
    }
    discrepancies {
      id
      kind
      detail
      status
      note
      resolvedAt
      resolvedBy
      expected {
        amount
        currency
      }
      stored {
        amount
        currency
      }
      difference {
        amount
        currency
      }
      reseller {
        id
        code
        companyName
      }
      customer {
        id
        externalId
        name
      }
    }
  }
`);

const AdminReconcileCommissionsMutation = graphql(`
  mutation AdminReconcileCommissions($input: ReconcileCommissionsInput!) {
    reconcileCommissions(input: $input) {
      reconciliation {
        ...ReconciliationDetail_reconciliation
      }
    }
  }
`);

const AdminResolveReconciliationItemMutation = graphql(`
  mutation AdminResolveReconciliationItem($input: ResolveReconciliationItemInput!) {
    resolveReconciliationItem(input: $input) {
      reconciliation {
        ...ReconciliationDetail_reconciliation
      }
    }
  }
`);

export function useReconcileCommissions() {
  return useMutation(AdminReconcileCommissionsMutation, { refetchQueries: ['AdminCommissionReconciliations'], awaitRefetchQueries: true });
}

export function useResolveReconciliationItem() {
  // ADJUST adds an approved adjustment line: the lines and the report change.
  return useMutation(AdminResolveReconciliationItemMutation, {
    refetchQueries: ['AdminCommissionLines', 'AdminCommissionTotals', 'AdminCommissionReport'],
  });
}
