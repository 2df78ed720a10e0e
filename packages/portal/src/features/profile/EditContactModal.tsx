import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { applyFieldErrors, errorCode } from '../../app/errors';
import { ErrorState } from '../../ui';
import { phoneNumber, requiredText, websiteAddress } from '../forms/validators';
import { useUpdateMyResellerProfile } from './useUpdateMyResellerProfile';

type ContactValues = { contactName: string; phone: string; website: string };

const FIELDS = ['contactName', 'phone', 'website'] as const;

type EditContactModalProps = {
  opened: boolean;
  onClose: () => void;
  reseller: { contactName: string; phone: string; website?: string | null };
};

/** The owner edits the partner's contact person, phone and website. */
export function EditContactModal({ opened, onClose, reseller }: EditContactModalProps) {
  // The modal unmounts its content when closed, so each opening starts from the saved details.
  return (
    <Modal opened={opened} onClose={onClose} title="Edit contact details" centered>
      <ContactForm reseller={reseller} onDone={onClose} />
    </Modal>
  );
}

function ContactForm({ reseller, onDone }: { reseller: EditContactModalProps['reseller']; onDone: () => void }) {
  const [update, { loading }] = useUpdateMyResellerProfile();
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const form = useForm<ContactValues>({
    initialValues: { contactName: reseller.contactName, phone: reseller.phone, website: reseller.website ?? '' },
    validateInputOnBlur: true,
    validate: {
      contactName: requiredText(200),
      phone: phoneNumber,
      website: websiteAddress,
    },
  });

  async function handleSubmit(values: ContactValues) {
    setUnexpected(null);
    try {
      await update({
        variables: {
          // An empty website clears it (the api's rule).
          input: { contactName: values.contactName.trim(), phone: values.phone.trim(), website: values.website.trim() },
        },
      });
      notifications.show({ color: 'green', title: 'Contact details saved', message: 'Your partner manager sees the new details now.' });
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
    <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
      <Stack gap="md">
        <TextInput label="Contact name" required withAsterisk={false} autoComplete="name" data-autofocus {...form.getInputProps('contactName')} />
        <TextInput label="Phone" required withAsterisk={false} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <TextInput
          label="Website"
          description="Optional; leave empty to remove it"
          placeholder="https://www.example.com"
          type="url"
          autoComplete="url"
          {...form.getInputProps('website')}
        />
        {unexpected !== null && <ErrorState error={unexpected} title="Could not save the contact details" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
