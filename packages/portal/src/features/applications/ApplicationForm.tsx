import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Divider,
  Flex,
  Input,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useId, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { applyFieldErrors, errorCode, errorDetail, fieldErrorsOf, messageForCode } from '../../app/errors';
import { tenantSlug } from '../../app/tenant';
import type { BusinessType, ReferralSource, ServiceInterest } from '../../gql/graphql';
import { ErrorState } from '../../ui';
import {
  emailAddress,
  optionalText,
  phoneNumber,
  requiredText,
  websiteAddress,
  wholeNumber,
} from '../forms/validators';
import { BUSINESS_TYPE_LABELS, optionsOf, REFERRAL_SOURCE_LABELS, SERVICE_INTEREST_LABELS } from './labels';
import { useSubmitResellerApplication } from './useSubmitResellerApplication';

type ApplicationFormValues = {
  companyName: string;
  legalName: string;
  contactName: string;
  contactEmail: string;
  phone: string;
  website: string;
  businessType: BusinessType | '';
  yearsInBusiness: number | string;
  territory: string[];
  expectedCustomersPerMonth: number | string;
  currentCustomerBase: number | string;
  servicesOfInterest: ServiceInterest[];
  referralSource: ReferralSource | '';
  message: string;
  acceptTerms: boolean;
};

const FIELDS = [
  'companyName',
  'legalName',
  'contactName',
  'contactEmail',
  'phone',
  'website',
  'businessType',
  'yearsInBusiness',
  'territory',
  'expectedCustomersPerMonth',
  'currentCustomerBase',
  'servicesOfInterest',
  'referralSource',
  'message',
  'acceptTerms',
] as const satisfies readonly (keyof ApplicationFormValues)[];

/**
 * Required fields carry `required` (aria-required) without Mantine's ` *` in the label: the
 * optional ones say so instead, and labels stay exactly their text (tests find fields by label).
 */
const REQUIRED = { required: true, withAsterisk: false } as const;

// Native selects: dependable on phones and in browser tests (`selectOption`). The empty first
// option stands for "not chosen yet".
const CHOOSE = { value: '', label: 'Choose one…', disabled: true };
const BUSINESS_TYPE_OPTIONS = [CHOOSE, ...optionsOf(BUSINESS_TYPE_LABELS)];
const SERVICE_OPTIONS = optionsOf(SERVICE_INTEREST_LABELS);
const REFERRAL_OPTIONS = [CHOOSE, ...optionsOf(REFERRAL_SOURCE_LABELS)];

/** A problem that belongs to the whole form, not one field. */
type FormAlert = { title: string; message: ReactNode; color: 'red' | 'yellow' };

function Section({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Stack gap="md">
      <div>
        <Text fw={600} size="lg">
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/** SPEC §2.1: the public partner application. Limits mirror the api's validation. */
export function ApplicationForm() {
  const navigate = useNavigate();
  const [submit, { loading }] = useSubmitResellerApplication();
  const [alert, setAlert] = useState<FormAlert | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const territoryId = useId();

  const form = useForm<ApplicationFormValues>({
    initialValues: {
      companyName: '',
      legalName: '',
      contactName: '',
      contactEmail: '',
      phone: '',
      website: '',
      businessType: '',
      yearsInBusiness: '',
      territory: [],
      expectedCustomersPerMonth: '',
      currentCustomerBase: '',
      servicesOfInterest: [],
      referralSource: '',
      message: '',
      acceptTerms: false,
    },
    validateInputOnBlur: true,
    validate: {
      companyName: requiredText(200),
      legalName: requiredText(200),
      contactName: requiredText(200),
      contactEmail: emailAddress,
      phone: phoneNumber,
      website: websiteAddress,
      businessType: (value) => (value ? null : 'Choose a business type'),
      yearsInBusiness: wholeNumber(200),
      territory: (value) => {
        if (value.length === 0) return 'Name at least one region or postcode';
        if (value.length > 200) return 'At most 200 regions';
        return value.some((entry) => entry.trim().length > 100) ? 'Each region at most 100 characters' : null;
      },
      expectedCustomersPerMonth: wholeNumber(1_000_000),
      currentCustomerBase: wholeNumber(100_000_000),
      servicesOfInterest: (value) => (value.length > 0 ? null : 'Pick at least one service'),
      referralSource: (value) => (value ? null : 'Tell us how you heard about us'),
      message: optionalText(5000),
      acceptTerms: (value) => (value ? null : 'You must accept the partner terms to apply'),
    },
  });

  function focusFirstError(errors: Record<string, unknown>) {
    const first = FIELDS.find((field) => errors[field]);
    if (!first) return;
    const node = form.getInputNode(first);
    node?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (node instanceof HTMLElement) node.focus({ preventScroll: true });
  }

  async function handleSubmit(values: ApplicationFormValues) {
    setAlert(null);
    setUnexpected(null);
    try {
      const result = await submit({
        variables: {
          input: {
            tenantSlug: tenantSlug ?? null,
            companyName: values.companyName.trim(),
            legalName: values.legalName.trim(),
            contactName: values.contactName.trim(),
            contactEmail: values.contactEmail.trim(),
            phone: values.phone.trim(),
            website: values.website.trim() || null,
            // Validation guarantees these are set.
            businessType: values.businessType as BusinessType,
            referralSource: values.referralSource as ReferralSource,
            yearsInBusiness: Number(values.yearsInBusiness),
            territory: values.territory.map((entry) => entry.trim()).filter(Boolean),
            expectedCustomersPerMonth: Number(values.expectedCustomersPerMonth),
            currentCustomerBase: Number(values.currentCustomerBase),
            servicesOfInterest: values.servicesOfInterest,
            message: values.message.trim() || null,
            acceptTerms: values.acceptTerms,
          },
        },
      });
      const payload = result.data?.submitResellerApplication;
      if (payload) navigate('/apply/submitted', { state: payload });
    } catch (error) {
      handleError(error);
    }
  }

  function handleError(error: unknown) {
    const code = errorCode(error);
    if (code === 'BAD_USER_INPUT') {
      const unmatched = applyFieldErrors(error, FIELDS, form.setFieldError);
      if (unmatched) {
        focusFirstError(fieldErrorsOf(error) ?? {});
        setAlert({
          color: 'red',
          title: 'Please check the highlighted fields',
          message: unmatched.length > 0 ? unmatched.join(' ') : 'Some answers need another look before we can accept the application.',
        });
        return;
      }
    }
    if (code === 'CONFLICT') {
      const field = errorDetail(error, 'CONFLICT', 'field') ?? 'contactEmail';
      if ((FIELDS as readonly string[]).includes(field)) {
        form.setFieldError(field, 'An application with this email is already awaiting review');
      }
      setAlert({
        color: 'yellow',
        title: 'You have already applied',
        message:
          messageForCode(error, 'CONFLICT') ??
          'An application with this email is already awaiting review. Check its status with the link we emailed you.',
      });
      return;
    }
    if (code === 'RATE_LIMITED') {
      setAlert({
        color: 'red',
        title: 'Please try again later',
        message: messageForCode(error, 'RATE_LIMITED') ?? 'Too many applications from your network. Try again later.',
      });
      return;
    }
    setUnexpected(error);
  }

  return (
    <form onSubmit={form.onSubmit(handleSubmit, focusFirstError)} noValidate>
      <Stack gap="xl">
        <Text size="sm" c="dimmed">
          All fields are required unless marked optional.
        </Text>
        <Section title="Your company" description="The business that will resell our service.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Company name" description="The name your customers know" {...REQUIRED} autoComplete="organization" {...form.getInputProps('companyName')} />
            <TextInput label="Legal name" description="As registered, for the agreement" {...REQUIRED} {...form.getInputProps('legalName')} />
            <NativeSelect
              label="Business type"
              {...REQUIRED}
              data={BUSINESS_TYPE_OPTIONS}
              {...form.getInputProps('businessType')}
            />
            <NumberInput
              label="Years in business"
              {...REQUIRED}
              min={0}
              max={200}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('yearsInBusiness')}
            />
          </SimpleGrid>
          <TextInput
            label="Website"
            description="Optional"
            placeholder="https://www.example.com"
            type="url"
            autoComplete="url"
            {...form.getInputProps('website')}
          />
        </Section>

        <Divider />

        <Section title="Contact person" description="Who we talk to about this application.">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Contact name" description="The person we should ask for" {...REQUIRED} autoComplete="name" {...form.getInputProps('contactName')} />
            <TextInput label="Phone" description="Including the area code" {...REQUIRED} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <TextInput
            label="Contact email"
            description="We send updates about your application here"
            {...REQUIRED}
            type="email"
            autoComplete="email"
            {...form.getInputProps('contactEmail')}
          />
        </Section>

        <Divider />

        <Section title="Your market" description="Where you sell and what you expect to sell.">
          {/* The label sits on a wrapper: TagsInput would also label its (empty) suggestion listbox
              with it, and two elements named "Territory" confuse assistive tech and tests. */}
          <Input.Wrapper
            id={territoryId}
            label="Territory"
            description="Regions or postcodes you will sell in. Press Enter after each one."
            error={form.errors.territory}
            {...REQUIRED}
          >
            <TagsInput
              {...form.getInputProps('territory')}
              id={territoryId}
              error={Boolean(form.errors.territory)}
              aria-describedby={`${territoryId}-description`}
              placeholder={form.values.territory.length === 0 ? 'e.g. Springfield County or 62704' : undefined}
              required
              clearable
              splitChars={[',', ';']}
              acceptValueOnBlur
            />
          </Input.Wrapper>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Expected customers per month"
              description="New customers you expect to bring"
              {...REQUIRED}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              hideControls
              {...form.getInputProps('expectedCustomersPerMonth')}
            />
            <NumberInput
              label="Current customer base"
              description="Customers you serve today, of any product"
              {...REQUIRED}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              hideControls
              {...form.getInputProps('currentCustomerBase')}
            />
          </SimpleGrid>
          <Checkbox.Group label="Services of interest" description="Pick every service you want to sell" {...REQUIRED} {...form.getInputProps('servicesOfInterest')}>
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" verticalSpacing="xs" mt="xs">
              {SERVICE_OPTIONS.map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Section>

        <Divider />

        <Section title="Anything else" description="Help us get to know you.">
          <NativeSelect
            label="How did you hear about us?"
            {...REQUIRED}
            data={REFERRAL_OPTIONS}
            {...form.getInputProps('referralSource')}
          />
          <Textarea
            label="Message"
            description="Optional: your plans, questions, or anything we should know"
            autosize
            minRows={3}
            maxRows={10}
            maxLength={5000}
            {...form.getInputProps('message')}
          />
          <Checkbox
            label="I accept the partner terms"
            description="You will sign the full reseller agreement during onboarding."
            {...form.getInputProps('acceptTerms', { type: 'checkbox' })}
          />
        </Section>

        {alert && (
          <Alert color={alert.color} variant="light" title={alert.title}>
            {alert.message}
          </Alert>
        )}
        {unexpected !== null && <ErrorState error={unexpected} title="We could not submit your application" />}

        <Flex
          direction={{ base: 'column-reverse', sm: 'row' }}
          justify="space-between"
          align={{ base: 'stretch', sm: 'center' }}
          gap="md"
        >
          <Text size="sm" c="dimmed" ta={{ base: 'center', sm: 'left' }}>
            Already a partner?{' '}
            <Anchor component={Link} to="/login" size="sm">
              Sign in
            </Anchor>
          </Text>
          <Button type="submit" size="md" loading={loading} data-testid="apply-submit">
            Submit application
          </Button>
        </Flex>
      </Stack>
    </form>
  );
}
