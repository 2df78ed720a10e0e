import { graphql } from '../../gql';

// Automation (SPEC §6): fragments named after the component that renders them.

export const JobRunSummary_run = graphql(`
  fragment JobRunSummary_run on JobRun {
    id
    workflow
    occurrence
    trigger
    status
    attempt
    startedAt
    finishedAt
    durationMs
    worker
    requestedBy
    error
  }
`);

export const JobCard_job = graphql(`
  fragment JobCard_job on AutomationJob {
    workflow
    title
    description
    scheduled
    schedule {
      cron
      everySeconds
      timezone
      enabled
      nextRunAt
      lastRunAt
      lastFinishedAt
      running
      failCount
      failReason
    }
    pending
    nextPendingAt
    lastRun {
      ...JobRunSummary_run
    }
    lastSuccessAt
    failuresLast24h
    recentFailures {
      ...JobRunSummary_run
    }
  }
`);

export const JobRunsTable_run = graphql(`
  fragment JobRunsTable_run on JobRun {
    ...JobRunSummary_run
    result
  }
`);
