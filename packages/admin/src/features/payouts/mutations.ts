import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// One hook per payouts mutation. Each selects the fragment of the page it changes, so the
// normalised cache updates the open batch; the batch list refetches by operation name (only when
// it is on screen).

const AdminCreatePaymentBatchMutation = graphql(`
  mutation AdminCreatePaymentBatch($input: CreatePaymentBatchInput!) {
    createPaymentBatch(input: $input) {
      batch {
        ...PaymentBatchDetail_batch
      }
    }
  }
`);

const AdminApprovePaymentBatchMutation = graphql(`
  mutation AdminApprovePaymentBatch($input: PaymentBatchIdInput!) {
    approvePaymentBatch(input: $input) {
      batch {
        ...PaymentBatchDetail_batch
      }
    }
  }
`);

const AdminCancelPaymentBatchMutation = graphql(`
  mutation AdminCancelPaymentBatch($input: CancelPaymentBatchInput!) {
    cancelPaymentBatch(input: $input) {
      batch {
        ...PaymentBatchDetail_batch
      }
    }
  }
`);

const AdminExportPaymentBatchMutation = graphql(`
  mutation AdminExportPaymentBatch($input: ExportPaymentBatchInput!) {
    exportPaymentBatch(input: $input) {
      batch {
        ...PaymentBatchDetail_batch
      }
      file {
        ...PaymentFileCard_file
      }
    }
  }
`);

const AdminMarkPaymentSettledMutation = graphql(`
  mutation AdminMarkPaymentSettled($input: PaymentIdInput!) {
    markPaymentSettled(input: $input) {
      payment {
        ...PaymentsTable_payment
      }
    }
  }
`);

const AdminMarkPaymentFailedMutation = graphql(`
  mutation AdminMarkPaymentFailed($input: MarkPaymentFailedInput!) {
    markPaymentFailed(input: $input) {
      payment {
        ...PaymentsTable_payment
      }
    }
  }
`);

const AdminVerifyPayoutAccountMutation = graphql(`
  mutation AdminVerifyPayoutAccount($input: ResellerIdInput!) {
    verifyPayoutAccount(input: $input) {
      payoutAccount {
        ...PayoutAccountCard_account
      }
    }
  }
`);

const AdminUpdateAchSettingsMutation = graphql(`
  mutation AdminUpdateAchSettings($input: AchSettingsInput!) {
    updateAchSettings(input: $input) {
      ...AchSettingsForm_settings
    }
  }
`);

export function useCreatePaymentBatch() {
  return useMutation(AdminCreatePaymentBatchMutation, { refetchQueries: ['AdminPaymentBatches'] });
}

export function useApprovePaymentBatch() {
  return useMutation(AdminApprovePaymentBatchMutation, { refetchQueries: ['AdminPaymentBatches'] });
}

export function useCancelPaymentBatch() {
  return useMutation(AdminCancelPaymentBatchMutation, { refetchQueries: ['AdminPaymentBatches'] });
}

export function useExportPaymentBatch() {
  return useMutation(AdminExportPaymentBatchMutation, { refetchQueries: ['AdminPaymentBatches'] });
}

/** Settling or failing the last exported payment completes the batch: the batch refetches. */
export function useMarkPaymentSettled() {
  return useMutation(AdminMarkPaymentSettledMutation, { refetchQueries: ['AdminPaymentBatch', 'AdminPaymentBatches'] });
}

export function useMarkPaymentFailed() {
  return useMutation(AdminMarkPaymentFailedMutation, { refetchQueries: ['AdminPaymentBatch', 'AdminPaymentBatches'] });
}

export function useVerifyPayoutAccount() {
  // The reseller's history records the verification.
  return useMutation(AdminVerifyPayoutAccountMutation, { refetchQueries: ['AdminResellerDetail'] });
}

export function useUpdateAchSettings() {
  return useMutation(AdminUpdateAchSettingsMutation, { refetchQueries: ['AdminAchSettings'] });
}
