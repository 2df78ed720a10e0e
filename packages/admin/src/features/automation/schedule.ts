import type { JobCard_JobFragment } from '../../gql/graphql';

type Schedule = NonNullable<JobCard_JobFragment['schedule']>;

const pad = (value: string) => value.padStart(2, '0');
const isNumber = (value: string) => /^\d+$/.test(value);

/** A few common cron shapes in words ("every day at 02:00"); null for anything else. */
export function describeCron(cron: string): string | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const [minute, hour, day, month, weekday] = parts as [string, string, string, string, string];
  const step = /^\*\/(\d+)$/.exec(minute);
  if (step && hour === '*' && day === '*' && month === '*' && weekday === '*') return `every ${step[1]} minutes`;
  if (minute === '*' && hour === '*' && day === '*' && month === '*' && weekday === '*') return 'every minute';
  if (!isNumber(minute)) return null;
  if (hour === '*' && day === '*' && month === '*' && weekday === '*') return `every hour at :${pad(minute)}`;
  if (!isNumber(hour)) return null;
  const time = `${pad(hour)}:${pad(minute)}`;
  if (day === '*' && month === '*' && weekday === '*') return `every day at ${time}`;
  if (isNumber(day) && month === '*' && weekday === '*') return `monthly on day ${day} at ${time}`;
  if (day === '*' && month === '*' && weekday === '1-5') return `weekdays at ${time}`;
  return null;
}

/** Cron workflows edit a cron expression, interval workflows (email delivery) a number of seconds. */
export function isInterval(schedule: Schedule | null | undefined): boolean {
  return schedule?.everySeconds !== null && schedule?.everySeconds !== undefined;
}

/** "0 2 * * * (America/Chicago)", "every 5 s", or "on events". */
export function scheduleText(job: JobCard_JobFragment): string {
  if (!job.scheduled) return 'On events';
  const schedule = job.schedule;
  if (!schedule) return 'Not set up yet';
  if (isInterval(schedule)) return `Every ${schedule.everySeconds} s`;
  return `${schedule.cron ?? '—'} (${schedule.timezone})`;
}
