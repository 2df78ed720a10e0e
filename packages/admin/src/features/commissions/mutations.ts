import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// One hook per commissions mutation. Each selects the fragment of the page it changes, so the
// normalised cache updates the open page; what a mutation changes elsewhere (line statuses, report
// totals, the open-disputes count) is refetched by operation name (only queries on screen refetch).

const AdminRunCommissionsMutation = graphql(`
  mutation AdminRunCommissions($input: PeriodInput!) {
    runCommissions(input: $input) {
      run {
        ...CommissionRunsTable_run
      }
    }
  }
`);

// Selects no money: the api's approveCommissionRun answers INTERNAL_SERVER_ERROR for `run.total`
// and `run.revenue` (its refreshed run holds the cents as a string, which the money formatter
// rejects) although the approval itself commits. The runs list refetches the amounts.
const AdminApproveCommissionRunMutation = graphql(`
  mutation AdminApproveCommissionRun($input: CommissionRunIdInput!) {
    approveCommissionRun(input: $input) {
      run {
        id
        period
        status
        approvedAt
        approvedBy
      }
    }
  }
`);

const AdminCloseCommissionPeriodMutation = graphql(`
  mutation AdminCloseCommissionPeriod($input: PeriodInput!) {
    closeCommissionPeriod(input: $input) {
      close {
        id
        period
        closedBy
        createdAt
      }
    }
  }
`);

const AdminCreateCommissionPlanMutation = graphql(`
  mutation AdminCreateCommissionPlan($input: CreateCommissionPlanInput!) {
    createCommissionPlan(input: $input) {
      plan {
        ...PlanCard_plan
      }
    }
  }
`);

const AdminCreateCommissionPlanVersionMutation = graphql(`
  mutation AdminCreateCommissionPlanVersion($input: CreateCommissionPlanVersionInput!) {
    createCommissionPlanVersion(input: $input) {
      plan {
        ...PlanCard_plan
      }
    }
  }
`);

const AdminAssignCommissionPlanMutation = graphql(`
  mutation AdminAssignCommissionPlan($input: AssignCommissionPlanInput!) {
    assignCommissionPlan(input: $input) {
      resellerId
      effectiveFrom
      plan {
        id
        name
      }
    }
  }
`);

const AdminAddCommissionDisputeMessageMutation = graphql(`
  mutation AdminAddCommissionDisputeMessage($input: AddCommissionDisputeMessageInput!) {
    addCommissionDisputeMessage(input: $input) {
      dispute {
        ...DisputeDrawer_dispute
      }
    }
  }
`);

const AdminResolveCommissionDisputeMutation = graphql(`
  mutation AdminResolveCommissionDispute($input: ResolveCommissionDisputeInput!) {
    resolveCommissionDispute(input: $input) {
      dispute {
        ...DisputeDrawer_dispute
      }
    }
  }
`);

/** Lines, their totals and the report change whenever a run, approval or resolution does. */
const LINE_VIEWS = ['AdminCommissionLines', 'AdminCommissionTotals', 'AdminCommissionReport'];

export function useRunCommissions() {
  return useMutation(AdminRunCommissionsMutation, { refetchQueries: ['AdminCommissionRuns', ...LINE_VIEWS] });
}

export function useApproveCommissionRun() {
  return useMutation(AdminApproveCommissionRunMutation, { refetchQueries: ['AdminCommissionRuns', ...LINE_VIEWS], awaitRefetchQueries: true });
}

export function useCloseCommissionPeriod() {
  return useMutation(AdminCloseCommissionPeriodMutation);
}

export function useCreateCommissionPlan() {
  return useMutation(AdminCreateCommissionPlanMutation, { refetchQueries: ['AdminCommissionPlans'], awaitRefetchQueries: true });
}

export function useCreateCommissionPlanVersion() {
  return useMutation(AdminCreateCommissionPlanVersionMutation);
}

export function useAssignCommissionPlan() {
  // The reseller's history records the assignment.
  return useMutation(AdminAssignCommissionPlanMutation, { refetchQueries: ['AdminResellerDetail'] });
}

export function useAddCommissionDisputeMessage() {
  return useMutation(AdminAddCommissionDisputeMessageMutation);
}

export function useResolveCommissionDispute() {
  return useMutation(AdminResolveCommissionDisputeMutation, {
    refetchQueries: ['AdminCommissionDisputes', 'AdminOpenDisputesCount', ...LINE_VIEWS],
  });
}
