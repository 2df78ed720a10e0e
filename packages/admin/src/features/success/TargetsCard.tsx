import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../../app/errors';
import { DetailList, formatNumber, SectionCard } from '../../ui';
import { amountInput, currencySymbol, formatMoney, validAmount } from '../commissions/money';
import { useSetPartnerTargets } from './success';

type Targets = { isDefault: boolean; newCustomersPerMonth: number; revenueTarget: { amount: string; currency: string } };
type Values = { revenueTarget: string; newCustomersPerMonth: number | string };

function TargetsModal({ opened, onClose, resellerId, code, targets }: { opened: boolean; onClose: () => void; resellerId: string; code: string; targets: Targets }) {
  const [save, { loading, error, reset }] = useSetPartnerTargets();
  const form = useForm<Values>({
    initialValues: { revenueTarget: '', newCustomersPerMonth: '' },
    validate: {
      revenueTarget: (value) => (!validAmount(value) || /^0*(\.0*)?$/.test(value.trim()) ? 'A positive amount with at most 2 decimals, e.g. 25000' : null),
      newCustomersPerMonth: (value) => (typeof value !== 'number' || !Number.isInteger(value) || value < 1 ? 'A whole number, at least 1' : value > 100_000 ? 'At most 100,000' : null),
    },
  });

  useEffect(() => {
    if (opened) {
      reset();
      form.setValues({ revenueTarget: amountInput(targets.revenueTarget.amount), newCustomersPerMonth: targets.newCustomersPerMonth });
      form.clearErrors();
    }
    // Only when the dialog opens.
  }, [opened]);

  async function submit(values: Values) {
    try {
      await save({ variables: { input: { resellerId, revenueTarget: values.revenueTarget.trim(), newCustomersPerMonth: Number(values.newCustomersPerMonth) } } });
      notifications.show({ color: 'green', title: 'Targets saved', message: `${code}'s next score measures against them.` });
      onClose();
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Targets for {code}</Text>} centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="md">
          {error && (
            <Alert color="orange" variant="light" title="Could not save the targets" data-testid="targets-error">
              {errorMessage(error)}
            </Alert>
          )}
          <TextInput
            label="Revenue target per month"
            description="Paid revenue; the revenue-performance component compares the last month with it."
            required
            leftSection={<Text size="sm">{currencySymbol(targets.revenueTarget.currency)}</Text>}
            inputMode="decimal"
            data-testid="targets-revenue"
            {...form.getInputProps('revenueTarget')}
          />
          <NumberInput
            label="New customers per month"
            description="The customer-acquisition component compares the last 30 and 90 days with it."
            required
            min={1}
            max={100_000}
            allowDecimal={false}
            allowNegative={false}
            data-testid="targets-customers"
            {...form.getInputProps('newCustomersPerMonth')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} data-testid="confirm-targets">
              Save targets
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The reseller's monthly targets (the SPEC's defaults until someone sets them). */
export function TargetsCard({ resellerId, code, targets, mayManage }: { resellerId: string; code: string; targets: Targets; mayManage: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <SectionCard
      title={
        <Group gap="xs" component="span">
          Targets
          {targets.isDefault && (
            <Badge size="xs" variant="light" color="gray" data-testid="targets-default" title="Not set for this reseller: the defaults of $25,000 and 5 new customers a month">
              Default
            </Badge>
          )}
        </Group>
      }
      aside={
        mayManage ? (
          <Button size="compact-sm" variant="light" onClick={() => setOpen(true)} data-testid="edit-targets">
            Edit
          </Button>
        ) : null
      }
    >
      <DetailList
        cols={1}
        items={[
          { label: 'Paid revenue per month', value: <Text size="sm" fw={600} data-testid="targets-revenue-value">{formatMoney(targets.revenueTarget)}</Text> },
          { label: 'New customers per month', value: <Text size="sm" fw={600}>{formatNumber(targets.newCustomersPerMonth)}</Text> },
        ]}
      />
      {mayManage && <TargetsModal opened={open} onClose={() => setOpen(false)} resellerId={resellerId} code={code} targets={targets} />}
    </SectionCard>
  );
}
