import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { AdminAutomationJobsQuery } from './queries';

// Both mutations answer with every job: the answer replaces the page's job list in the cache at
// once, and the runs and the health figures refetch (a run now queues a run).

const AdminRunJobNowMutation = graphql(`
  mutation AdminRunJobNow($workflow: String!) {
    runJobNow(workflow: $workflow) {
      ...JobCard_job
    }
  }
`);

const AdminUpdateJobScheduleMutation = graphql(`
  mutation AdminUpdateJobSchedule($input: UpdateJobScheduleInput!) {
    updateJobSchedule(input: $input) {
      ...JobCard_job
    }
  }
`);

export function useRunJobNow() {
  return useMutation(AdminRunJobNowMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: AdminAutomationJobsQuery, data: { automationJobs: data.runJobNow } });
    },
    refetchQueries: ['AdminJobRuns', 'AdminSystemHealth'],
  });
}

export function useUpdateJobSchedule() {
  return useMutation(AdminUpdateJobScheduleMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: AdminAutomationJobsQuery, data: { automationJobs: data.updateJobSchedule } });
    },
    refetchQueries: ['AdminSystemHealth'],
  });
}
