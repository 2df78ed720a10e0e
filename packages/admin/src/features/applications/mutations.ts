import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';

// One hook per review action. Each returns the application with the page's fragment, so the
// cache updates the open page; decisions also refetch what they change elsewhere (the emails
// they queue, the open count in the navigation, the queue itself).

const AdminStartApplicationReviewMutation = graphql(`
  mutation AdminStartApplicationReview($input: ApplicationIdInput!) {
    startApplicationReview(input: $input) {
      application {
        ...ApplicationDetailPage_application
      }
    }
  }
`);

const AdminApproveApplicationMutation = graphql(`
  mutation AdminApproveApplication($input: ApproveResellerApplicationInput!) {
    approveResellerApplication(input: $input) {
      alreadyApproved
      reseller {
        id
        code
        companyName
      }
      application {
        ...ApplicationDetailPage_application
      }
    }
  }
`);

const AdminRejectApplicationMutation = graphql(`
  mutation AdminRejectApplication($input: RejectResellerApplicationInput!) {
    rejectResellerApplication(input: $input) {
      application {
        ...ApplicationDetailPage_application
      }
    }
  }
`);

const AdminAddApplicationNoteMutation = graphql(`
  mutation AdminAddApplicationNote($input: AddApplicationNoteInput!) {
    addApplicationNote(input: $input) {
      application {
        id
        notes {
          id
          body
          createdAt
          author {
            id
            name
          }
        }
      }
    }
  }
`);

const AFTER_DECISION = ['AdminApplicationDetail', 'AdminOpenApplicationsCount', 'AdminApplications'];

export function useStartApplicationReview() {
  return useMutation(AdminStartApplicationReviewMutation, { refetchQueries: AFTER_DECISION });
}

export function useApproveApplication() {
  return useMutation(AdminApproveApplicationMutation, { refetchQueries: [...AFTER_DECISION, 'AdminResellers'] });
}

export function useRejectApplication() {
  return useMutation(AdminRejectApplicationMutation, { refetchQueries: AFTER_DECISION });
}

export function useAddApplicationNote() {
  return useMutation(AdminAddApplicationNoteMutation);
}
