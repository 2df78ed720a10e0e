import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { applyFieldErrors, errorCode } from '../../app/errors';
import type { BankAccountType, PayoutAccountCard_AccountFragment } from '../../gql/graphql';
import { ErrorState } from '../../ui';
import { bankAccountNumber, requiredText, routingNumber } from '../forms/validators';
import { ACCOUNT_TYPE_LABELS } from './labels';
import { useSetMyPayoutAccount } from './useSetMyPayoutAccount';

type PayoutValues = {
  holderName: string;
  routingNumber: string;
  accountNumber: string;
  confirmAccountNumber: string;
  accountType: BankAccountType;
};

/** The api's input fields (the confirmation is checked here only). */
const FIELDS = ['holderName', 'routingNumber', 'accountNumber', 'accountType'] as const;

/** Digits in the inputs line up (the label and description keep the body font). */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

const EMPTY_NUMBERS = { accountNumber: '', confirmAccountNumber: '' } as const;

type PayoutAccountModalProps = {
  opened: boolean;
  onClose: () => void;
  /** The current details (masked), or null for the first entry. */
  account: PayoutAccountCard_AccountFragment | null;
  /** After a successful save (the cached card already shows the new details). */
  onSaved: () => void;
};

/**
 * The owner enters where commissions are paid. The account number is typed twice and never shown
 * again: the api stores it encrypted and answers with the last four digits, and this form drops
 * both number fields as soon as the save succeeds (and the modal unmounts its content on close).
 */
export function PayoutAccountModal({ opened, onClose, account, onSaved }: PayoutAccountModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={account ? 'Change bank details' : 'Add bank details'} centered size="lg">
      <PayoutAccountForm account={account} onDone={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function PayoutAccountForm({ account, onDone, onSaved }: { account: PayoutAccountModalProps['account']; onDone: () => void; onSaved: () => void }) {
  const [save, { loading }] = useSetMyPayoutAccount();
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<PayoutValues>({
    initialValues: {
      holderName: account?.holderName ?? '',
      routingNumber: account?.routingNumber ?? '',
      ...EMPTY_NUMBERS,
      accountType: account?.accountType ?? 'CHECKING',
    },
    validateInputOnBlur: true,
    validate: {
      holderName: requiredText(100),
      routingNumber,
      accountNumber: bankAccountNumber,
      confirmAccountNumber: (value, values) => {
        if (!value.trim()) return 'Type the account number again';
        return value.replace(/[\s-]/g, '') === values.accountNumber.replace(/[\s-]/g, '') ? null : 'The account numbers do not match';
      },
    },
  });

  function close() {
    form.setValues(EMPTY_NUMBERS);
    onDone();
  }

  async function handleSubmit(values: PayoutValues) {
    setUnexpected(null);
    try {
      await save({
        variables: {
          input: {
            holderName: values.holderName.trim(),
            routingNumber: values.routingNumber.trim(),
            accountNumber: values.accountNumber.replace(/[\s-]/g, ''),
            accountType: values.accountType,
          },
        },
      });
      // The full number leaves the browser's memory with the form state, before anything else.
      form.setValues(EMPTY_NUMBERS);
      onSaved();
      onDone();
    } catch (error) {
      if (errorCode(error) === 'BAD_USER_INPUT') {
        const unmatched = applyFieldErrors(error, FIELDS, form.setFieldError);
        if (unmatched && unmatched.length === 0) return;
      }
      setUnexpected(error);
    }
  }

  return (
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate data-testid="payout-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Commissions are paid to this account by ACH transfer. After a change, payments wait until the ISP’s finance team has verified
          the new details, and the partner contact gets an email about it.
        </Text>
        <TextInput
          label="Account holder"
          description="The name on the bank account"
          required
          withAsterisk={false}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('holderName')}
        />
        <TextInput
          label="Routing number"
          description="9 digits (ABA)"
          required
          withAsterisk={false}
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          styles={MONO}
          {...form.getInputProps('routingNumber')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <TextInput
            label="Account number"
            required
            withAsterisk={false}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            styles={MONO}
            {...form.getInputProps('accountNumber')}
          />
          <TextInput
            label="Confirm account number"
            required
            withAsterisk={false}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            styles={MONO}
            {...form.getInputProps('confirmAccountNumber')}
          />
        </SimpleGrid>
        <Radio.Group label="Account type" {...form.getInputProps('accountType')}>
          <Group gap="xl" mt={6}>
            {(Object.keys(ACCOUNT_TYPE_LABELS) as BankAccountType[]).map((type) => (
              <Radio key={type} value={type} label={ACCOUNT_TYPE_LABELS[type]} />
            ))}
          </Group>
        </Radio.Group>
        {account && (
          <Alert variant="light" color="yellow" p="sm">
            <Text size="sm">
              Saving replaces the account ending in <b>{account.accountLast4}</b>. Payments stop until finance verifies the new details.
            </Text>
          </Alert>
        )}
        {unexpected !== null && <ErrorState error={unexpected} title="Could not save the bank details" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" loading={loading} data-testid="save-payout-account">
            Save bank details
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
