import { graphql } from '../../gql';

// The Automation page's polled queries (shared with the mutations, which write their answer into
// the job list).

export const AdminAutomationJobsQuery = graphql(`
  query AdminAutomationJobs {
    automationJobs {
      ...JobCard_job
    }
  }
`);

export const AdminSystemHealthQuery = graphql(`
  query AdminSystemHealth {
    systemHealth {
      checkedAt
      healthy
      problems
      emailsQueued
      emailsDue
      emailsFailed
      oldestDueEmailMinutes
      overdueJobs
      failingJobs
      interruptedRuns
      failedRuns24h
    }
  }
`);
