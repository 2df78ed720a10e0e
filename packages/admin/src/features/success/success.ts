import { useApolloClient, useMutation } from '@apollo/client/react';
import { hasErrorCode } from '../../app/errors';
import { graphql } from '../../gql';

// Partner success documents shared by the success pages: row fragments and one hook per mutation.
// After a write the pages on screen refetch by operation name (only active queries refetch), since
// dashboards aggregate (counts, ranking, due lists) that the normalised cache cannot update itself.

export const SuccessAlertRowFragment = graphql(`
  fragment SuccessAlertRow_alert on PartnerAlert {
    id
    rule
    severity
    status
    message
    scoreAtOpen
    createdAt
    acknowledgedAt
    acknowledgedBy
    resolvedAt
    resolvedBy
    resolution
    autoResolved
    reseller {
      id
      code
      companyName
    }
  }
`);

export const SuccessInterventionRowFragment = graphql(`
  fragment SuccessInterventionRow_intervention on Intervention {
    id
    type
    owner
    dueDate
    status
    overdue
    notes
    outcome
    scoreBefore
    scoreAfter
    completedAt
    createdAt
    createdBy
    reseller {
      id
      code
      companyName
    }
    alert {
      id
      rule
      severity
    }
  }
`);

export const PartnerHealthSummaryFragment = graphql(`
  fragment PartnerHealthSummary_health on PartnerHealth {
    resellerId
    score
    band
    change7d
    change30d
    computedOn
    components {
      key
      score
      weight
    }
  }
`);

/** Every success query that shows alerts, interventions or scores. */
const SUCCESS_QUERIES = ['AdminChannelSuccess', 'AdminResellerSuccess', 'AdminPartnerAlerts', 'AdminInterventions', 'AdminResellerHealthCard'];

/**
 * After a CONFLICT (someone else moved the alert or intervention on), refetches the success pages on
 * screen so they show the record as it is now.
 */
export function useRefetchOnConflict() {
  const client = useApolloClient();
  return (error: unknown) => {
    if (hasErrorCode(error, 'CONFLICT')) void client.refetchQueries({ include: SUCCESS_QUERIES });
  };
}

const AdminRecomputePartnerHealthMutation = graphql(`
  mutation AdminRecomputePartnerHealth($input: ResellerOptionalInput) {
    recomputePartnerHealth(input: $input) {
      scored
      alertsOpened
      alertsResolved
    }
  }
`);

export function useRecomputePartnerHealth() {
  return useMutation(AdminRecomputePartnerHealthMutation, { refetchQueries: SUCCESS_QUERIES, awaitRefetchQueries: true });
}

const AdminSetPartnerTargetsMutation = graphql(`
  mutation AdminSetPartnerTargets($input: SetPartnerTargetsInput!) {
    setPartnerTargets(input: $input) {
      targets {
        isDefault
        newCustomersPerMonth
        revenueTarget {
          amount
          currency
        }
      }
    }
  }
`);

export function useSetPartnerTargets() {
  return useMutation(AdminSetPartnerTargetsMutation, { refetchQueries: ['AdminResellerSuccess'] });
}

const AdminRecordSatisfactionSurveyMutation = graphql(`
  mutation AdminRecordSatisfactionSurvey($input: RecordSatisfactionSurveyInput!) {
    recordSatisfactionSurvey(input: $input) {
      survey {
        id
        rating
        surveyedOn
        comment
        recordedBy
        createdAt
      }
    }
  }
`);

export function useRecordSatisfactionSurvey() {
  return useMutation(AdminRecordSatisfactionSurveyMutation, { refetchQueries: ['AdminResellerSuccess'] });
}

const AdminAcknowledgeAlertMutation = graphql(`
  mutation AdminAcknowledgeAlert($input: AlertIdInput!) {
    acknowledgeAlert(input: $input) {
      alert {
        ...SuccessAlertRow_alert
      }
    }
  }
`);

export function useAcknowledgeAlert() {
  return useMutation(AdminAcknowledgeAlertMutation, { refetchQueries: SUCCESS_QUERIES });
}

const AdminResolveAlertMutation = graphql(`
  mutation AdminResolveAlert($input: ResolveAlertInput!) {
    resolveAlert(input: $input) {
      alert {
        ...SuccessAlertRow_alert
      }
    }
  }
`);

export function useResolveAlert() {
  return useMutation(AdminResolveAlertMutation, { refetchQueries: SUCCESS_QUERIES });
}

const AdminPlanInterventionMutation = graphql(`
  mutation AdminPlanIntervention($input: PlanInterventionInput!) {
    planIntervention(input: $input) {
      intervention {
        ...SuccessInterventionRow_intervention
      }
    }
  }
`);

export function usePlanIntervention() {
  return useMutation(AdminPlanInterventionMutation, { refetchQueries: SUCCESS_QUERIES });
}

const AdminUpdateInterventionMutation = graphql(`
  mutation AdminUpdateIntervention($input: UpdateInterventionInput!) {
    updateIntervention(input: $input) {
      intervention {
        ...SuccessInterventionRow_intervention
      }
    }
  }
`);

export function useUpdateIntervention() {
  return useMutation(AdminUpdateInterventionMutation, { refetchQueries: SUCCESS_QUERIES });
}
