import { Alert, Button, Group, Modal, Rating, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../../app/errors';
import { formatDateTime, SectionCard } from '../../ui';
import { todayDay } from '../customers/customers';
import { formatDay } from './health';
import { useRecordSatisfactionSurvey } from './success';

type Survey = { id: string; rating: number; surveyedOn: string; comment?: string | null; recordedBy: string; createdAt: string };
type Values = { rating: number; surveyedOn: string; comment: string };

const RATING_WORDS = ['', 'Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function SurveyModal({ opened, onClose, resellerId, code }: { opened: boolean; onClose: () => void; resellerId: string; code: string }) {
  const [record, { loading, error, reset }] = useRecordSatisfactionSurvey();
  const initial = (): Values => ({ rating: 0, surveyedOn: todayDay(), comment: '' });
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      rating: (value) => (value >= 1 && value <= 5 ? null : 'Choose a rating from 1 to 5'),
      surveyedOn: (value) => (!DAY.test(value) ? 'Use a date YYYY-MM-DD' : value > todayDay() ? 'Cannot be in the future' : null),
      comment: (value) => (value.length > 5000 ? 'At most 5,000 characters' : null),
    },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.setValues(initial());
      form.clearErrors();
    }
    // Only when the dialog opens.
  }, [opened]);

  async function submit(values: Values) {
    try {
      await record({ variables: { input: { resellerId, rating: values.rating, surveyedOn: values.surveyedOn, comment: values.comment.trim() || null } } });
      notifications.show({ color: 'green', title: 'Survey recorded', message: `${code} rated ${values.rating} of 5; the next score uses it.` });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Record a satisfaction survey for {code}</Text>} centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="md">
          {error && (
            <Alert color="orange" variant="light" title="Could not record the survey" data-testid="survey-error">
              {errorMessage(error)}
            </Alert>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Rating <span style={{ color: 'var(--mantine-color-error)' }}>*</span>
            </Text>
            <Group gap="sm">
              <Rating size="lg" value={form.values.rating} onChange={(value) => form.setFieldValue('rating', value)} data-testid="survey-rating" />
              <Text size="sm" c="dimmed">
                {RATING_WORDS[form.values.rating] ?? ''}
              </Text>
            </Group>
            {form.errors['rating'] && (
              <Text size="xs" c="red">
                {form.errors['rating']}
              </Text>
            )}
          </Stack>
          <TextInput type="date" label="Surveyed on" required max={todayDay()} data-testid="survey-date" {...form.getInputProps('surveyedOn')} />
          <Textarea label="Comment" autosize minRows={3} maxRows={8} data-testid="survey-comment" {...form.getInputProps('comment')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} data-testid="confirm-survey">
              Record survey
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The latest satisfaction survey (it feeds the partner-satisfaction component). */
export function SurveyCard({ resellerId, code, survey, mayManage }: { resellerId: string; code: string; survey: Survey | null | undefined; mayManage: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <SectionCard
      title="Satisfaction"
      aside={
        mayManage ? (
          <Button size="compact-sm" variant="light" onClick={() => setOpen(true)} data-testid="record-survey">
            Record survey
          </Button>
        ) : null
      }
    >
      {survey ? (
        <Stack gap={6} data-testid="latest-survey">
          <Group gap="sm">
            <Rating value={survey.rating} readOnly />
            <Text size="sm" fw={600}>
              {survey.rating} of 5 · {RATING_WORDS[survey.rating]}
            </Text>
          </Group>
          {survey.comment && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              “{survey.comment}”
            </Text>
          )}
          <Text size="xs" c="dimmed">
            Surveyed {formatDay(survey.surveyedOn)} · recorded by {survey.recordedBy}, {formatDateTime(survey.createdAt)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" data-testid="no-survey">
          No survey recorded yet, so partner satisfaction has no data and its weight goes to the other components.
        </Text>
      )}
      {mayManage && <SurveyModal opened={open} onClose={() => setOpen(false)} resellerId={resellerId} code={code} />}
    </SectionCard>
  );
}
