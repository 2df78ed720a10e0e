import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { errorMessage, hasErrorCode } from '../../app/errors';
import { graphql } from '../../gql';
import { planTypeLabel } from '../../ui/labels';
import { useViewer } from '../viewer/viewer';
import { commissionFormErrors } from './formErrors';
import { useAssignCommissionPlan } from './mutations';
import { currentPeriod, periodLabel } from './period';
import { PeriodSelect } from './PeriodSelect';
import { PlanTerms } from './PlanTerms';

/** The plans to choose from, with their terms (the same fields as the plans page). */
const AdminCommissionPlanOptionsQuery = graphql(`
  query AdminCommissionPlanOptions {
    commissionPlans {
      ...PlanCard_plan
    }
  }
`);

type AssignPlanModalProps = {
  opened: boolean;
  onClose: () => void;
  reseller: { id: string; code: string; companyName: string };
  onAssigned: (result: { planName: string; effectiveFrom: string }) => void;
};

type Values = { planId: string | null; effectiveFrom: string };

/** FINANCE/ADMIN put a reseller on a plan from an open period on (replacing a later assignment). */
export function AssignPlanModal({ opened, onClose, reseller, onAssigned }: AssignPlanModalProps) {
  const { tenant } = useViewer();
  const now = currentPeriod(tenant.timezone);
  const plans = useQuery(AdminCommissionPlanOptionsQuery, { skip: !opened, fetchPolicy: 'cache-and-network' });
  const [assign, { loading, error, reset }] = useAssignCommissionPlan();
  const form = useForm<Values>({
    initialValues: { planId: null, effectiveFrom: now },
    validate: { planId: (value) => (value ? null : 'Choose a plan') },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.setValues({ planId: null, effectiveFrom: now });
      form.clearErrors();
    }
    // Only when the dialog opens (`form` and `reset` are new objects on every render).
  }, [opened]);

  async function submit(values: Values) {
    if (!values.planId) return;
    try {
      const result = await assign({ variables: { input: { resellerId: reseller.id, planId: values.planId, effectiveFrom: values.effectiveFrom } } });
      const payload = result.data?.assignCommissionPlan;
      if (payload) onAssigned({ planName: payload.plan.name, effectiveFrom: payload.effectiveFrom });
      onClose();
    } catch (caught) {
      form.setErrors(commissionFormErrors(caught));
    }
  }

  const options = plans.data?.commissionPlans ?? [];
  const chosen = options.find((plan) => plan.id === form.values.planId);
  const terms = chosen ? (chosen.versions.find((version) => version.effectiveFrom <= form.values.effectiveFrom) ?? chosen.versions.at(-1)) : undefined;

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Assign a commission plan to {reseller.code}</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {reseller.companyName} earns under the chosen plan for whole periods from the month you pick. Closed periods keep the plan they
            were run with; an assignment from the same or a later month is replaced.
          </Text>
          {error && !hasErrorCode(error, 'CONFLICT') && (
            <Alert color="red" variant="light" title="Could not assign the plan">
              {errorMessage(error)}
            </Alert>
          )}
          {plans.error && (
            <Alert color="red" variant="light" title="Could not load the plans">
              {errorMessage(plans.error)}
            </Alert>
          )}
          <Select
            label="Plan"
            required
            placeholder={plans.loading && !plans.data ? 'Loading plans…' : 'Choose a plan'}
            data={options.map((plan) => ({ value: plan.id, label: `${plan.name} · ${planTypeLabel(plan.type)}${plan.isDefault ? ' (default)' : ''}` }))}
            nothingFoundMessage="No plans yet: create one under Commissions → Plans"
            searchable
            data-testid="assign-plan-select"
            {...form.getInputProps('planId')}
          />
          <PeriodSelect
            label="Effective from"
            description="Must be an open period."
            value={form.values.effectiveFrom}
            onChange={(value) => form.setFieldValue('effectiveFrom', value)}
            error={form.errors['effectiveFrom'] as string | undefined}
            monthsBack={6}
            monthsAhead={12}
            w="100%"
            data-testid="assign-plan-period"
          />
          {chosen && terms && (
            <Paper withBorder radius="md" p="md" bg="gray.0">
              <Text size="sm" fw={600} mb="sm">
                {chosen.name} v{terms.version} in {periodLabel(form.values.effectiveFrom)}
              </Text>
              <PlanTerms type={chosen.type} version={terms} currency={tenant.currency} stacked />
            </Paper>
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} data-testid="confirm-assign-plan">
              Assign plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
