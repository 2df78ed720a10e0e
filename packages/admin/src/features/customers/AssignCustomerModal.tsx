import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { errorMessage, fieldErrorsOf, hasErrorCode } from '../../app/errors';
import { formatDay } from '../onboarding/OnboardingSection';
import { useAssignCustomer, useReassignCustomer } from './customers';
import { ResellerSelect } from './ResellerSelect';

type AssignCustomerModalProps = {
  opened: boolean;
  onClose: () => void;
  customer: {
    id: string;
    name: string;
    reseller: { id: string; code: string; companyName: string } | null | undefined;
    /** The open assignment's first day: a reassignment must start after it. */
    currentFrom: string | null;
  };
  /** The customer changed under us (assigned meanwhile): reload it. */
  onConflict: () => void;
};

type Values = { resellerId: string; since: string; reason: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_REASON = 1000;

/**
 * Assign (an unassigned customer: reseller, optional start date) or reassign (reseller, start
 * date, required reason). Payments on or after the start date earn for the new reseller.
 */
export function AssignCustomerModal({ opened, onClose, customer, onConflict }: AssignCustomerModalProps) {
  // Fixed when the dialog opens: a refetch after a conflict must not switch it under the user.
  const [reassigning, setReassigning] = useState(Boolean(customer.reseller));
  const [assign, assignState] = useAssignCustomer();
  const [reassign, reassignState] = useReassignCustomer();
  const state = reassigning ? reassignState : assignState;
  const form = useForm<Values>({
    initialValues: { resellerId: '', since: '', reason: '' },
    validate: {
      resellerId: (value) => (value ? null : 'Choose a reseller'),
      since: (value) => {
        if (!value) return null;
        if (!DAY.test(value)) return 'Use a date YYYY-MM-DD';
        if (customer.currentFrom && value <= customer.currentFrom) return `After ${formatDay(customer.currentFrom)}, when the current assignment started`;
        return null;
      },
      reason: (value) => {
        const text = value.trim();
        if (reassigning && !text) return 'Give a reason; it is kept in the assignment history';
        if (text.length > MAX_REASON) return 'At most 1,000 characters';
        return null;
      },
    },
  });

  useEffect(() => {
    if (opened) {
      setReassigning(Boolean(customer.reseller));
      assignState.reset();
      reassignState.reset();
      form.setValues({ resellerId: '', since: '', reason: '' });
      form.clearErrors();
    }
    // Only when the dialog opens (`form` and the states are new objects on every render).
  }, [opened]);

  async function submit(values: Values) {
    const input = {
      customerId: customer.id,
      resellerId: values.resellerId,
      since: values.since || null,
      reason: values.reason.trim() || null,
    };
    try {
      const answer = reassigning
        ? (await reassign({ variables: { input: { ...input, reason: values.reason.trim() } } })).data?.reassignCustomer.customer
        : (await assign({ variables: { input } })).data?.assignCustomer.customer;
      notifications.show({
        color: 'green',
        title: reassigning ? 'Customer reassigned' : 'Customer assigned',
        message: answer?.reseller ? `${customer.name} now belongs to ${answer.reseller.code} · ${answer.reseller.companyName}.` : customer.name,
      });
      onClose();
    } catch (caught) {
      // BAD_USER_INPUT names its fields (since, reason); the alert shows the rest.
      form.setErrors(fieldErrorsOf(caught));
      if (hasErrorCode(caught, 'CONFLICT')) onConflict();
    }
  }

  const error = state.error;
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{reassigning ? 'Reassign' : 'Assign'} {customer.name}</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          {customer.reseller && (
            <Text size="sm">
              Now with{' '}
              <Text span ff="monospace" fw={600}>
                {customer.reseller.code}
              </Text>{' '}
              · {customer.reseller.companyName}
              {customer.currentFrom ? ` since ${formatDay(customer.currentFrom)}` : ''}.
            </Text>
          )}
          {error && (
            <Alert
              color={hasErrorCode(error, 'CONFLICT') || hasErrorCode(error, 'BAD_USER_INPUT') ? 'orange' : 'red'}
              variant="light"
              title={reassigning ? 'Cannot reassign the customer' : 'Cannot assign the customer'}
              data-testid="assign-error"
            >
              {errorMessage(error)}
            </Alert>
          )}
          <ResellerSelect
            label={reassigning ? 'New reseller' : 'Reseller'}
            placeholder="Search by code or company"
            required
            activeOnly
            excludeId={customer.reseller?.id}
            value={form.values.resellerId || null}
            onChange={(id) => form.setFieldValue('resellerId', id ?? '')}
            error={form.errors['resellerId']}
            comboboxProps={{ withinPortal: true }}
            data-testid="assign-reseller"
          />
          <TextInput
            type="date"
            label={reassigning ? 'New assignment starts' : 'Assigned since'}
            description={`Optional, default today. Payments on or after this day earn for the ${reassigning ? 'new ' : ''}reseller.`}
            min={customer.currentFrom ?? undefined}
            w={240}
            data-testid="assign-since"
            {...form.getInputProps('since')}
          />
          <Textarea
            label="Reason"
            description={reassigning ? 'Required: kept in the assignment history and the audit trail.' : 'Optional: kept in the assignment history.'}
            required={reassigning}
            autosize
            minRows={2}
            maxRows={6}
            data-testid="assign-reason"
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={state.loading}>
              Cancel
            </Button>
            <Button type="submit" loading={state.loading} data-testid="confirm-assign">
              {reassigning ? 'Reassign' : 'Assign'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
