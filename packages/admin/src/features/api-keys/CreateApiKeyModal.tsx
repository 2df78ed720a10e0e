import { useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { errorMessage, fieldErrorsOf } from '../../app/errors';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { roleLabel } from '../../ui/labels';
import { useCreateApiKey } from './apiKeys';

/** Resellers a reseller-role key may act for (terminated partners get no new keys). */
const AdminApiKeyResellerOptionsQuery = graphql(`
  query AdminApiKeyResellerOptions {
    resellers(first: 100, filter: { status: [ONBOARDING, ACTIVE, SUSPENDED] }) {
      totalCount
      nodes {
        id
        code
        companyName
      }
    }
  }
`);

const ROLES: { role: Role; hint: string }[] = [
  { role: 'ADMIN', hint: 'Everything in this programme.' },
  { role: 'FINANCE', hint: 'Commissions, runs and payouts; reads the rest.' },
  { role: 'PARTNER_MANAGER', hint: 'Applications, resellers, customers and partner success.' },
  { role: 'RESELLER_OWNER', hint: "One reseller's own data, as its owner." },
  { role: 'RESELLER_STAFF', hint: "One reseller's own data, read-only for most of it." },
];

const isResellerRole = (role: string) => role === 'RESELLER_OWNER' || role === 'RESELLER_STAFF';

export type CreatedApiKey = { name: string; prefix: string; secret: string };

type CreateApiKeyModalProps = {
  opened: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
};

export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const [create, { loading, error, reset }] = useCreateApiKey();
  const form = useForm<{ name: string; role: string; resellerId: string | null }>({
    initialValues: { name: '', role: 'PARTNER_MANAGER', resellerId: null },
    validate: {
      name: (value) => {
        const text = value.trim();
        if (!text) return 'Name the key after the system that uses it';
        if (text.length > 100) return 'At most 100 characters';
        return null;
      },
      role: (value) => (value ? null : 'Choose a role'),
      resellerId: (value, values) => (isResellerRole(values.role) && !value ? 'Choose the reseller this key acts for' : null),
    },
  });
  const needsReseller = isResellerRole(form.values.role);
  const resellers = useQuery(AdminApiKeyResellerOptionsQuery, { skip: !opened || !needsReseller });

  useEffect(() => {
    if (opened) {
      reset();
      form.reset();
    }
    // Only when the dialog opens (`form` and `reset` are new objects on every render).
  }, [opened]);

  async function submit(values: { name: string; role: string; resellerId: string | null }) {
    try {
      const result = await create({
        variables: {
          input: {
            name: values.name.trim(),
            role: values.role as Role,
            resellerId: isResellerRole(values.role) ? values.resellerId : null,
          },
        },
      });
      const payload = result.data?.createApiKey;
      if (payload) onCreated({ name: payload.apiKey.name, prefix: payload.apiKey.prefix, secret: payload.secret });
    } catch (caught) {
      form.setErrors(fieldErrorsOf(caught));
    }
  }

  const resellerOptions =
    resellers.data?.resellers.nodes.map((reseller) => ({ value: reseller.id, label: `${reseller.code} · ${reseller.companyName}` })) ?? [];
  const roleHint = ROLES.find((option) => option.role === form.values.role)?.hint;

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>Create API key</Text>} size="lg" centered>
      <form onSubmit={form.onSubmit((values) => void submit(values))}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A key lets one of your systems (billing, CRM) call the Reseller Hub API with the role you choose. The secret is shown
            once, right after you create it.
          </Text>
          {error && (
            <Alert color="red" variant="light" title="Could not create the key">
              {errorMessage(error)}
            </Alert>
          )}
          <TextInput label="Name" placeholder="E.g. Billing system (production)" required data-autofocus data-testid="api-key-name" {...form.getInputProps('name')} />
          <Select
            label="Role"
            required
            description={roleHint}
            data={ROLES.map(({ role }) => ({ value: role, label: roleLabel(role) }))}
            allowDeselect={false}
            data-testid="api-key-role"
            {...form.getInputProps('role')}
          />
          {needsReseller && (
            <Select
              label="Reseller"
              required
              searchable
              placeholder={resellers.loading ? 'Loading resellers…' : 'Choose a reseller'}
              nothingFoundMessage="No reseller matches"
              data={resellerOptions}
              disabled={resellers.loading}
              description={
                resellers.data && resellers.data.resellers.totalCount > resellerOptions.length
                  ? `Showing the first ${resellerOptions.length} of ${resellers.data.resellers.totalCount}; type to narrow them down.`
                  : 'The only reseller whose data this key can reach.'
              }
              error={resellers.error ? errorMessage(resellers.error) : form.errors['resellerId']}
              data-testid="api-key-reseller"
              {...form.getInputProps('resellerId')}
            />
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" loading={loading} data-testid="confirm-create-api-key">
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
