import { Alert, Button, Code, Group, Modal, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../../app/errors';
import type { JobCard_JobFragment } from '../../gql/graphql';
import { useUpdateJobSchedule } from './mutations';
import { describeCron, isInterval } from './schedule';

type Values = { cron: string; everySeconds: number | string; enabled: boolean };

/** Changes a scheduled workflow's cron expression (or interval) and pauses or resumes it. */
export function ScheduleModal({ job, onClose }: { job: JobCard_JobFragment | null; onClose: () => void }) {
  return (
    <Modal opened={job !== null} onClose={onClose} title={<Text fw={600}>Edit schedule{job ? `: ${job.title}` : ''}</Text>} centered size="md">
      {job && <ScheduleForm key={job.workflow} job={job} onClose={onClose} />}
    </Modal>
  );
}

function ScheduleForm({ job, onClose }: { job: JobCard_JobFragment; onClose: () => void }) {
  const schedule = job.schedule;
  const interval = isInterval(schedule);
  const timezone = schedule?.timezone ?? '';
  const [updateJobSchedule, { loading }] = useUpdateJobSchedule();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: { cron: schedule?.cron ?? '', everySeconds: schedule?.everySeconds ?? '', enabled: schedule?.enabled ?? true },
    validate: {
      cron: (value) => (!interval && !value.trim() ? 'Required, e.g. 0 2 * * *' : null),
      everySeconds: (value) => (interval && (value === '' || Number(value) < 1 || Number(value) > 3600) ? '1 to 3600 seconds' : null),
    },
  });
  const words = interval ? null : describeCron(form.values.cron);

  async function save(values: Values) {
    setError(null);
    try {
      await updateJobSchedule({
        variables: {
          input: {
            workflow: job.workflow,
            cron: interval ? null : values.cron.trim(),
            everySeconds: interval ? Number(values.everySeconds) : null,
            enabled: values.enabled,
          },
        },
      });
      notifications.show({
        color: 'green',
        title: 'Schedule saved',
        message: values.enabled ? `${job.title} runs on the new schedule.` : `${job.title} is paused until you enable it again.`,
      });
      onClose();
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      form.setErrors(fieldErrors);
      // A field's error shows under it; anything else (no such workflow, a network error) above the buttons.
      setError(fieldErrors['cron'] || fieldErrors['everySeconds'] ? null : caught);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate data-testid="schedule-form">
      <Stack gap="md">
        {interval ? (
          <NumberInput
            label="Every (seconds)"
            description="How often a worker looks for due emails, 1 to 3600."
            min={1}
            max={3600}
            allowDecimal={false}
            data-autofocus
            {...form.getInputProps('everySeconds')}
            data-testid="schedule-every-seconds"
          />
        ) : (
          <TextInput
            label="Cron expression"
            description={
              <>
                minute hour day-of-month month day-of-week, in the programme's time zone <Code fz="xs">{timezone}</Code>
              </>
            }
            placeholder="0 2 * * *"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            maxLength={100}
            data-autofocus
            {...form.getInputProps('cron')}
            data-testid="schedule-cron"
          />
        )}
        {words && !form.errors['cron'] && (
          <Text size="sm" c="dimmed" mt={-8} data-testid="schedule-cron-words">
            Runs {words} ({timezone}).
          </Text>
        )}
        <Switch
          label={form.values.enabled ? 'Enabled' : 'Paused'}
          description="A paused workflow keeps its schedule but does not run until enabled again; run now still works."
          {...form.getInputProps('enabled', { type: 'checkbox' })}
          data-testid="schedule-enabled"
        />
        {error ? (
          <Alert color="red" variant="light" title="Could not save the schedule" data-testid="schedule-error">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" loading={loading} data-testid="save-schedule">
            Save schedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
