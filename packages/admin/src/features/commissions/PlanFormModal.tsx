import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  NumberInput,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { useEffect } from 'react';
import { errorMessage, hasErrorCode } from '../../app/errors';
import type { PlanCard_PlanFragment, PlanTerms_VersionFragment, PlanTermsInput, PlanType, TierMode } from '../../gql/graphql';
import { planTypeLabel, tierModeLabel } from '../../ui/labels';
import { IconPlus, IconTrash } from '../../ui/icons';
import { useViewer } from '../viewer/viewer';
import { commissionFormErrors } from './formErrors';
import { amountInput, currencySymbol, percentToRate, rateToPercent, validAmount, validPercent } from './money';
import { useCreateCommissionPlan, useCreateCommissionPlanVersion } from './mutations';
import { currentPeriod, nextPeriod } from './period';
import { PeriodSelect } from './PeriodSelect';
import { TIER_MODE_HINTS } from './PlanTerms';

type TierRow = { key: string; from: string; rate: string };

type PlanFormValues = {
  name: string;
  description: string;
  type: PlanType;
  effectiveFrom: string;
  isDefault: boolean;
  rate: string;
  perNewCustomer: string;
  perActiveCustomer: string;
  tierMode: TierMode | '';
  tiers: TierRow[];
  holdingDays: number | string;
  paymentTermsDays: number | string;
  monthlyCap: string;
  minimumPayout: string;
};

const PLAN_TYPES: { value: PlanType; hint: string }[] = [
  { value: 'PERCENTAGE', hint: 'A rate of each customer’s paid revenue in the period.' },
  { value: 'FLAT_FEE', hint: 'A fee per new customer and/or per customer with paid revenue in the period.' },
  { value: 'TIERED', hint: 'Rates by the reseller’s total paid revenue in the period; the result is shared across its customers.' },
];

const PERCENT_MESSAGE = 'A percentage from 0 to 100, at most 2 decimals';
const AMOUNT_MESSAGE = 'An amount like 1500 or 49.99';

function emptyTier(from = ''): TierRow {
  return { key: randomId(), from, rate: '' };
}

function blankValues(effectiveFrom: string): PlanFormValues {
  return {
    name: '',
    description: '',
    type: 'PERCENTAGE',
    effectiveFrom,
    isDefault: false,
    rate: '',
    perNewCustomer: '',
    perActiveCustomer: '',
    tierMode: '',
    tiers: [emptyTier('0')],
    holdingDays: 0,
    paymentTermsDays: 30,
    monthlyCap: '',
    minimumPayout: '50',
  };
}

/** A new version starts from the terms in force, so only what changes needs typing. */
function valuesFromVersion(plan: PlanCard_PlanFragment, version: PlanTerms_VersionFragment, effectiveFrom: string): PlanFormValues {
  return {
    ...blankValues(effectiveFrom),
    name: plan.name,
    type: plan.type,
    rate: rateToPercent(version.rate),
    perNewCustomer: amountInput(version.perNewCustomer),
    perActiveCustomer: amountInput(version.perActiveCustomer),
    tierMode: version.tierMode ?? '',
    tiers: version.tiers?.length ? version.tiers.map((tier) => ({ key: randomId(), from: amountInput(tier.from), rate: rateToPercent(tier.rate) })) : [emptyTier('0')],
    holdingDays: version.holdingDays,
    paymentTermsDays: version.paymentTermsDays,
    monthlyCap: amountInput(version.monthlyCap),
    minimumPayout: amountInput(version.minimumPayout),
  };
}

/** The api's terms for the plan type: fields of other types are left out (null). */
function termsInput(values: PlanFormValues): PlanTermsInput {
  const type = values.type;
  return {
    rate: type === 'PERCENTAGE' ? (percentToRate(values.rate) ?? values.rate.trim()) : null,
    perNewCustomer: type === 'FLAT_FEE' ? values.perNewCustomer.trim() || '0' : null,
    perActiveCustomer: type === 'FLAT_FEE' ? values.perActiveCustomer.trim() || '0' : null,
    tiers: type === 'TIERED' ? values.tiers.map((tier) => ({ from: tier.from.trim(), rate: percentToRate(tier.rate) ?? tier.rate.trim() })) : null,
    tierMode: type === 'TIERED' && values.tierMode ? values.tierMode : null,
    holdingDays: typeof values.holdingDays === 'number' ? values.holdingDays : null,
    paymentTermsDays: typeof values.paymentTermsDays === 'number' ? values.paymentTermsDays : null,
    monthlyCap: values.monthlyCap.trim() || null,
    minimumPayout: values.minimumPayout.trim() || null,
  };
}

type PlanFormModalProps = {
  opened: boolean;
  onClose: () => void;
  /** Absent: a new plan. Present: a new version of this plan. */
  plan?: PlanCard_PlanFragment | null;
  onSaved: (plan: { id: string; name: string }, version: number) => void;
};

/** Create a plan (version 1) or a new version of one; the api validates the terms per type. */
export function PlanFormModal({ opened, onClose, plan, onSaved }: PlanFormModalProps) {
  const { tenant } = useViewer();
  const symbol = currencySymbol(tenant.currency);
  const [createPlan, createState] = useCreateCommissionPlan();
  const [createVersion, versionState] = useCreateCommissionPlanVersion();
  const state = plan ? versionState : createState;
  const latest = plan?.versions[0];
  const now = currentPeriod(tenant.timezone);

  const optionalAmount = (value: string) => (value.trim() === '' || validAmount(value) ? null : AMOUNT_MESSAGE);
  const form = useForm<PlanFormValues>({
    initialValues: blankValues(now),
    validate: {
      name: (value) => (plan || value.trim() ? (value.length > 100 ? 'At most 100 characters' : null) : 'Name the plan'),
      description: (value) => (value.length > 500 ? 'At most 500 characters' : null),
      rate: (value, values) => (values.type !== 'PERCENTAGE' ? null : !value.trim() ? 'Give the rate' : validPercent(value) ? null : PERCENT_MESSAGE),
      perNewCustomer: (value, values) => (values.type === 'FLAT_FEE' ? optionalAmount(value) : null),
      perActiveCustomer: (value, values) => (values.type === 'FLAT_FEE' ? optionalAmount(value) : null),
      tiers: {
        from: (value, values) => (values.type !== 'TIERED' ? null : !value.trim() ? 'Required' : validAmount(value) ? null : AMOUNT_MESSAGE),
        rate: (value, values) => (values.type !== 'TIERED' ? null : !value.trim() ? 'Required' : validPercent(value) ? null : PERCENT_MESSAGE),
      },
      monthlyCap: optionalAmount,
      minimumPayout: optionalAmount,
    },
  });

  useEffect(() => {
    if (!opened) return;
    createState.reset();
    versionState.reset();
    if (plan && latest) {
      const after = latest.effectiveFrom >= now ? nextPeriod(latest.effectiveFrom) : nextPeriod(now);
      form.setValues(valuesFromVersion(plan, latest, after));
    } else {
      form.setValues(blankValues(now));
    }
    form.clearErrors();
    // Only when the dialog opens (`form` and the mutation states are new objects on every render).
  }, [opened]);

  async function submit(values: PlanFormValues) {
    try {
      if (plan) {
        const result = await createVersion({ variables: { input: { planId: plan.id, effectiveFrom: values.effectiveFrom, terms: termsInput(values) } } });
        const saved = result.data?.createCommissionPlanVersion.plan;
        if (saved) onSaved(saved, saved.versions[0]?.version ?? 1);
      } else {
        const result = await createPlan({
          variables: {
            input: {
              name: values.name.trim(),
              description: values.description.trim() || null,
              type: values.type,
              effectiveFrom: values.effectiveFrom,
              isDefault: values.isDefault,
              terms: termsInput(values),
            },
          },
        });
        const saved = result.data?.createCommissionPlan.plan;
        if (saved) onSaved(saved, 1);
      }
      onClose();
    } catch (caught) {
      form.setErrors(commissionFormErrors(caught));
    }
  }

  const type = form.values.type;
  const error = state.error;
  const fieldErrorCount = Object.keys(form.errors).length;
  const tiersError = form.errors['tiers'];

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={600}>{plan ? `New version of ${plan.name}` : 'New commission plan'}</Text>}
      size={720}
      centered
    >
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="md">
          {plan && latest ? (
            <Text size="sm" c="dimmed">
              Version {latest.version + 1} replaces version {latest.version} from the period you choose. Closed periods keep the terms
              they were run with.
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              A plan says how resellers earn. Assign it to resellers from their page, or make it the default for everyone without a plan
              of their own.
            </Text>
          )}
          {error && (
            <Alert color="red" variant="light" title={hasErrorCode(error, 'BAD_USER_INPUT') ? 'Check the highlighted fields' : 'Could not save the plan'} data-testid="plan-form-error">
              {hasErrorCode(error, 'BAD_USER_INPUT') && fieldErrorCount > 0 ? 'The terms were not accepted; see the messages below.' : errorMessage(error)}
            </Alert>
          )}

          {!plan && (
            <>
              <TextInput label="Name" placeholder="E.g. Standard 2027" required data-autofocus data-testid="plan-name" {...form.getInputProps('name')} />
              <Textarea label="Description" placeholder="Optional; shown to finance" autosize minRows={1} maxRows={4} {...form.getInputProps('description')} />
              <Stack gap={6}>
                <Text size="sm" fw={500}>
                  Type
                </Text>
                <SegmentedControl
                  fullWidth
                  data={PLAN_TYPES.map(({ value }) => ({ value, label: planTypeLabel(value) }))}
                  value={type}
                  onChange={(value) => {
                    form.setFieldValue('type', value as PlanType);
                    form.clearErrors();
                  }}
                  data-testid="plan-type"
                />
                <Text size="xs" c="dimmed">
                  {PLAN_TYPES.find((option) => option.value === type)?.hint}
                </Text>
              </Stack>
            </>
          )}

          <PeriodSelect
            label="Effective from"
            description="The terms apply to whole periods, from the first day of this month."
            value={form.values.effectiveFrom}
            onChange={(value) => form.setFieldValue('effectiveFrom', value)}
            error={form.errors['effectiveFrom'] as string | undefined}
            monthsBack={12}
            monthsAhead={12}
            w="100%"
            data-testid="plan-effective-from"
          />

          <Divider label="Commission" labelPosition="left" />

          {type === 'PERCENTAGE' && (
            <TextInput
              label="Rate"
              description="Of each customer’s paid revenue in the period"
              placeholder="10"
              rightSection={<Text size="sm" c="dimmed">%</Text>}
              w={320}
              required
              data-testid="plan-rate"
              {...form.getInputProps('rate')}
            />
          )}

          {type === 'FLAT_FEE' && (
            <SimpleGrid cols={2}>
              <TextInput
                label="Per new customer"
                description="First paid month under the reseller"
                placeholder="0"
                leftSection={<Text size="sm" c="dimmed">{symbol}</Text>}
                data-testid="plan-per-new"
                {...form.getInputProps('perNewCustomer')}
              />
              <TextInput
                label="Per active customer"
                description="Each customer with paid revenue in the period"
                placeholder="0"
                leftSection={<Text size="sm" c="dimmed">{symbol}</Text>}
                data-testid="plan-per-active"
                {...form.getInputProps('perActiveCustomer')}
              />
            </SimpleGrid>
          )}

          {type === 'TIERED' && (
            <Stack gap="sm">
              <Radio.Group label="Tier mode" required {...form.getInputProps('tierMode')} data-testid="plan-tier-mode">
                <SimpleGrid cols={2} mt={6}>
                  {(['WHOLE', 'MARGINAL'] as const).map((mode) => (
                    <Radio.Card
                      key={mode}
                      value={mode}
                      p="sm"
                      radius="md"
                      data-testid={`tier-mode-${mode}`}
                      style={{ borderColor: form.values.tierMode === mode ? 'var(--mantine-color-indigo-5)' : undefined }}
                    >
                      <Group wrap="nowrap" align="flex-start" gap="sm">
                        <Radio.Indicator mt={2} />
                        <div>
                          <Text size="sm" fw={600}>
                            {tierModeLabel(mode)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {TIER_MODE_HINTS[mode]}
                          </Text>
                        </div>
                      </Group>
                    </Radio.Card>
                  ))}
                </SimpleGrid>
              </Radio.Group>

              <Stack gap={6} data-testid="tiers-editor">
                <Group gap="sm" wrap="nowrap">
                  <Text size="sm" fw={500} w={48}>
                    Tier
                  </Text>
                  <Text size="sm" fw={500} style={{ flex: 1 }}>
                    From period revenue
                  </Text>
                  <Text size="sm" fw={500} w={160}>
                    Rate
                  </Text>
                  <div style={{ width: 28 }} />
                </Group>
                {form.values.tiers.map((tier, index) => (
                  <Group key={tier.key} gap="sm" wrap="nowrap" align="flex-start" data-testid="tier-row">
                    <Text size="sm" c="dimmed" w={48} pt={7}>
                      {index + 1}
                    </Text>
                    <TextInput
                      aria-label={`Tier ${index + 1} starts at`}
                      leftSection={<Text size="sm" c="dimmed">{symbol}</Text>}
                      placeholder={index === 0 ? '0' : '10000'}
                      style={{ flex: 1 }}
                      disabled={index === 0}
                      description={index === 0 ? 'The first tier starts at 0' : undefined}
                      inputWrapperOrder={['input', 'description', 'error']}
                      data-testid={`tier-${index}-from`}
                      {...form.getInputProps(`tiers.${index}.from`)}
                    />
                    <TextInput
                      aria-label={`Tier ${index + 1} rate`}
                      placeholder="12"
                      rightSection={<Text size="sm" c="dimmed">%</Text>}
                      w={160}
                      data-testid={`tier-${index}-rate`}
                      {...form.getInputProps(`tiers.${index}.rate`)}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      mt={4}
                      onClick={() => form.removeListItem('tiers', index)}
                      disabled={index === 0}
                      aria-label={`Remove tier ${index + 1}`}
                      style={{ visibility: index === 0 ? 'hidden' : undefined }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ))}
                {typeof tiersError === 'string' && (
                  <Text size="xs" c="red" data-testid="tiers-error">
                    {tiersError}
                  </Text>
                )}
                <Group justify="space-between">
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => form.insertListItem('tiers', emptyTier())}
                    disabled={form.values.tiers.length >= 20}
                    data-testid="add-tier"
                  >
                    Add tier
                  </Button>
                  <Text size="xs" c="dimmed">
                    A boundary amount belongs to the higher tier.
                  </Text>
                </Group>
              </Stack>
            </Stack>
          )}

          <Divider label="Payout rules" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Holding period"
              description="Days after payment before revenue counts"
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              suffix=" days"
              {...form.getInputProps('holdingDays')}
            />
            <NumberInput
              label="Payment terms"
              description="Days after the period closes (Net 30)"
              min={0}
              max={365}
              allowDecimal={false}
              allowNegative={false}
              prefix="Net "
              {...form.getInputProps('paymentTermsDays')}
            />
            <TextInput
              label="Monthly cap"
              description="Most a reseller earns in a period; empty for none"
              placeholder="No cap"
              leftSection={<Text size="sm" c="dimmed">{symbol}</Text>}
              data-testid="plan-monthly-cap"
              {...form.getInputProps('monthlyCap')}
            />
            <TextInput
              label="Minimum payout"
              description="Smaller totals carry over to the next payment"
              placeholder="50"
              leftSection={<Text size="sm" c="dimmed">{symbol}</Text>}
              {...form.getInputProps('minimumPayout')}
            />
          </SimpleGrid>

          {!plan && (
            <Switch
              label="Default plan"
              description="Applies to every reseller without a plan of their own (replaces the current default)."
              data-testid="plan-default"
              {...form.getInputProps('isDefault', { type: 'checkbox' })}
            />
          )}

          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={state.loading}>
              Cancel
            </Button>
            <Button type="submit" loading={state.loading} data-testid="plan-form-submit">
              {plan ? `Create version ${(latest?.version ?? 0) + 1}` : 'Create plan'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
