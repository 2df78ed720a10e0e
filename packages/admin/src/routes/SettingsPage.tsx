import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, ColorInput, Grid, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../app/errors';
import { canManageTenantSettings } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { graphql } from '../gql';
import type { SettingsForm_SettingsFragment } from '../gql/graphql';
import { ErrorState, LoadingState, PageHeader, SectionCard } from '../ui';

export const SettingsForm_settings = graphql(`
  fragment SettingsForm_settings on TenantSettings {
    name
    timezone
    supportEmail
    logoUrl
    primaryColor
    footer
  }
`);

const AdminTenantSettingsQuery = graphql(`
  query AdminTenantSettings {
    tenantSettings {
      ...SettingsForm_settings
    }
  }
`);

const AdminUpdateTenantSettingsMutation = graphql(`
  mutation AdminUpdateTenantSettings($input: UpdateTenantSettingsInput!) {
    updateTenantSettings(input: $input) {
      ...SettingsForm_settings
    }
  }
`);

type Values = { name: string; timezone: string; supportEmail: string; logoUrl: string; primaryColor: string; footer: string };

function valuesOf(settings: SettingsForm_SettingsFragment): Values {
  return {
    name: settings.name,
    timezone: settings.timezone,
    supportEmail: settings.supportEmail,
    logoUrl: settings.logoUrl ?? '',
    primaryColor: settings.primaryColor,
    footer: settings.footer,
  };
}

/** Every IANA zone the browser knows (with the saved one even if it does not), for a searchable list. */
function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set(zones);
  all.add('UTC');
  if (current) all.add(current);
  return [...all].sort();
}

function SettingsForm({ settings }: { settings: SettingsForm_SettingsFragment }) {
  const [updateTenantSettings, { loading }] = useMutation(AdminUpdateTenantSettingsMutation, {
    // The header shows the programme name; the jobs' next runs move with the time zone.
    refetchQueries: ['AdminViewer', 'AdminAutomationJobs'],
  });
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(settings),
    validate: {
      name: (value) => (value.trim() ? (value.trim().length > 120 ? 'At most 120 characters' : null) : 'Required'),
      timezone: (value) => (value ? null : 'Required'),
      supportEmail: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'An email address'),
      logoUrl: (value) => (value.trim() === '' || /^https:\/\/\S+$/.test(value.trim()) ? null : 'An https:// URL'),
      primaryColor: (value) => (/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value.trim()) ? null : 'A colour like #1c7ed6'),
      footer: (value) => (value.length > 300 ? 'At most 300 characters' : null),
    },
  });
  const zones = useMemo(() => timeZoneOptions(settings.timezone), [settings.timezone]);
  const zoneChanged = form.values.timezone !== settings.timezone;

  async function save(values: Values) {
    setError(null);
    try {
      const result = await updateTenantSettings({
        variables: {
          input: {
            name: values.name.trim(),
            timezone: values.timezone,
            supportEmail: values.supportEmail.trim(),
            logoUrl: values.logoUrl.trim() || null,
            primaryColor: values.primaryColor.trim(),
            footer: values.footer.trim(),
          },
        },
      });
      const saved = result.data?.updateTenantSettings;
      if (saved) {
        form.setInitialValues(valuesOf(saved));
        form.setValues(valuesOf(saved));
        form.resetDirty(valuesOf(saved));
      }
      notifications.show({
        color: 'green',
        title: 'Program settings saved',
        message: zoneChanged ? `Schedules now run in ${values.timezone}, at the same time of day.` : 'Emails rendered from now on use them.',
      });
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      form.setErrors(fieldErrors);
      setError(caught);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate data-testid="settings-form">
      <Stack gap="md">
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title="Program">
              <Stack gap="sm">
                <TextInput label="Program name" description="Shown in the consoles and in every email" maxLength={120} required {...form.getInputProps('name')} data-testid="settings-name" />
                <Select
                  label="Time zone"
                  description="Commission periods and the automation schedules follow it"
                  data={zones}
                  searchable
                  nothingFoundMessage="No such time zone"
                  maxDropdownHeight={300}
                  allowDeselect={false}
                  required
                  {...form.getInputProps('timezone')}
                  data-testid="settings-timezone"
                />
                {zoneChanged && (
                  <Alert color="blue" variant="light" py="xs" data-testid="settings-timezone-note">
                    <Text size="sm">
                      Saving moves every schedule to {form.values.timezone}, keeping its time of day (a 02:00 job runs at 02:00 there).
                    </Text>
                  </Alert>
                )}
                <TextInput label="Support email" description="Where partners write to; the reply-to of every email" type="email" maxLength={254} required {...form.getInputProps('supportEmail')} data-testid="settings-supportEmail" />
              </Stack>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title="Email branding">
              <Stack gap="sm">
                <TextInput label="Logo URL" description="https URL of the image at the top of every email; empty for the name only" placeholder="https://…" maxLength={500} {...form.getInputProps('logoUrl')} data-testid="settings-logoUrl" />
                <ColorInput label="Primary colour" description="Email header and buttons" format="hex" swatches={['#1c7ed6', '#4263eb', '#0ca678', '#f08c00', '#e8590c', '#c2255c', '#212529']} required {...form.getInputProps('primaryColor')} data-testid="settings-primaryColor" />
                <Textarea label="Footer" description="The last line of every email: postal address, legal name (at most 300 characters)" autosize minRows={2} maxRows={5} maxLength={300} {...form.getInputProps('footer')} data-testid="settings-footer" />
              </Stack>
            </SectionCard>
          </Grid.Col>
        </Grid>
        {error ? (
          <Alert color="red" variant="light" title="Could not save the program settings" data-testid="settings-error">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            A new time zone moves the schedules (same time of day); emails already queued keep their branding.
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => form.reset()} disabled={loading || !form.isDirty()}>
              Discard changes
            </Button>
            <Button type="submit" loading={loading} disabled={!form.isDirty()} data-testid="save-settings">
              Save settings
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function Settings() {
  const { data, loading, error, refetch } = useQuery(AdminTenantSettingsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <PageHeader title="Program settings" description="The partner program's name, time zone and the branding of its emails." />
      {data ? (
        <SettingsForm settings={data.tenantSettings} />
      ) : loading ? (
        <LoadingState label="Loading the settings…" />
      ) : (
        <ErrorState error={error} title="Could not load the settings" onRetry={() => void refetch()} />
      )}
    </>
  );
}

export function SettingsPage() {
  return (
    <RequireRole allowed={canManageTenantSettings}>
      <Settings />
    </RequireRole>
  );
}
