import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Grid, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage, fieldErrorsOf } from '../app/errors';
import { useUpdateAchSettings } from '../features/payouts/mutations';
import { canEditAchSettings, canReadAchSettings } from '../features/viewer/permissions';
import { RequireRole } from '../features/viewer/RequireRole';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import type { AchSettingsForm_SettingsFragment } from '../gql/graphql';
import { DetailList, ErrorState, LoadingState, PageHeader, SectionCard } from '../ui';

const AdminAchSettingsQuery = graphql(`
  query AdminAchSettings {
    achSettings {
      ...AchSettingsForm_settings
    }
  }
`);

type Values = Omit<AchSettingsForm_SettingsFragment, '__typename'>;

const EMPTY: Values = {
  immediateDestination: '',
  immediateDestinationName: '',
  immediateOrigin: '',
  immediateOriginName: '',
  companyName: '',
  companyId: '',
  odfiRouting: '',
};

const FIELDS = Object.keys(EMPTY) as (keyof Values)[];

/** Codes and routing numbers read digit by digit: monospace input, plain label. */
const MONO_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** ABA check digit: 3·d1 + 7·d2 + d3 + 3·d4 + … ≡ 0 (mod 10). */
function validRouting(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  const sum = [...value].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return sum % 10 === 0;
}

function routingError(value: string): string | null {
  const v = value.trim();
  if (!/^\d{9}$/.test(v)) return '9 digits';
  return validRouting(v) ? null : 'Not a valid routing number (check digit)';
}

function textError(max: number) {
  return (value: string) => {
    const v = value.trim();
    if (!v) return 'Required';
    return v.length > max ? `At most ${max} characters` : null;
  };
}

function pick(settings: AchSettingsForm_SettingsFragment): Values {
  return Object.fromEntries(FIELDS.map((field) => [field, settings[field]])) as Values;
}

function AchSettingsForm({ settings }: { settings: AchSettingsForm_SettingsFragment | null }) {
  const [updateAchSettings, { loading }] = useUpdateAchSettings();
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: settings ? pick(settings) : EMPTY,
    validate: {
      immediateDestination: routingError,
      immediateDestinationName: textError(23),
      immediateOrigin: (value) => (/^[A-Za-z0-9]{9,10}$/.test(value.trim()) ? null : '9 or 10 letters or digits'),
      immediateOriginName: textError(23),
      companyName: textError(16),
      companyId: (value) => (/^[A-Za-z0-9]{10}$/.test(value.trim()) ? null : '10 letters or digits'),
      odfiRouting: routingError,
    },
  });

  async function save(values: Values) {
    setError(null);
    const input = Object.fromEntries(FIELDS.map((field) => [field, values[field].trim()])) as Values;
    try {
      const result = await updateAchSettings({ variables: { input } });
      // What the api stored becomes the form's baseline ("Save" disables until the next edit).
      const saved = result.data?.updateAchSettings;
      if (saved) {
        form.setInitialValues(pick(saved));
        form.setValues(pick(saved));
        form.resetDirty(pick(saved));
      }
      notifications.show({ color: 'green', title: 'ACH settings saved', message: 'The next exported NACHA file uses them.' });
    } catch (caught) {
      const fieldErrors = fieldErrorsOf(caught);
      form.setErrors(fieldErrors);
      setError(caught);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate data-testid="ach-settings-form">
      <Stack gap="md">
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title="Bank receiving the file (immediate destination)">
              <Stack gap="sm">
                <TextInput label="Routing number" description="9 digits, the bank the file is sent to" styles={MONO_INPUT} maxLength={9} inputMode="numeric" {...form.getInputProps('immediateDestination')} data-testid="ach-immediateDestination" />
                <TextInput label="Bank name" description="At most 23 characters" maxLength={23} {...form.getInputProps('immediateDestinationName')} data-testid="ach-immediateDestinationName" />
              </Stack>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title="Originator (immediate origin)">
              <Stack gap="sm">
                <TextInput label="Immediate origin" description='9 or 10 characters as the bank assigned it, e.g. "1" + tax id' styles={MONO_INPUT} maxLength={10} {...form.getInputProps('immediateOrigin')} data-testid="ach-immediateOrigin" />
                <TextInput label="Origin name" description="At most 23 characters" maxLength={23} {...form.getInputProps('immediateOriginName')} data-testid="ach-immediateOriginName" />
              </Stack>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title="Company (batch header)">
              <Stack gap="sm">
                <TextInput label="Company name" description="Shown on the receivers' statements, at most 16 characters" maxLength={16} {...form.getInputProps('companyName')} data-testid="ach-companyName" />
                <TextInput label="Company id" description='10 characters, usually "1" + the tax id' styles={MONO_INPUT} maxLength={10} {...form.getInputProps('companyId')} data-testid="ach-companyId" />
              </Stack>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <SectionCard title="Originating bank (ODFI)">
              <TextInput label="ODFI routing number" description="9 digits, the ISP's own bank" styles={MONO_INPUT} maxLength={9} inputMode="numeric" {...form.getInputProps('odfiRouting')} data-testid="ach-odfiRouting" />
            </SectionCard>
          </Grid.Col>
        </Grid>
        {error ? (
          <Alert color="red" variant="light" title="Could not save the ACH settings" data-testid="ach-error">
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => form.reset()} disabled={loading || !form.isDirty()}>
            Discard changes
          </Button>
          <Button type="submit" loading={loading} disabled={!form.isDirty() && settings !== null} data-testid="save-ach-settings">
            Save settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AchSettingsReadOnly({ settings }: { settings: AchSettingsForm_SettingsFragment }) {
  const mono = (value: string) => (
    <Text size="sm" ff="monospace">
      {value}
    </Text>
  );
  return (
    <SectionCard title="NACHA file identities">
      <DetailList
        cols={2}
        items={[
          { label: 'Immediate destination (routing)', value: mono(settings.immediateDestination) },
          { label: 'Immediate destination name', value: settings.immediateDestinationName },
          { label: 'Immediate origin', value: mono(settings.immediateOrigin) },
          { label: 'Immediate origin name', value: settings.immediateOriginName },
          { label: 'Company name', value: settings.companyName },
          { label: 'Company id', value: mono(settings.companyId) },
          { label: 'ODFI routing', value: mono(settings.odfiRouting) },
        ]}
      />
    </SectionCard>
  );
}

function AchSettings() {
  const viewer = useViewer();
  const mayEdit = canEditAchSettings(viewer.role);
  const { data, loading, error, refetch } = useQuery(AdminAchSettingsQuery, { fetchPolicy: 'cache-and-network' });

  let body;
  if (!data) {
    body = loading ? <LoadingState label="Loading ACH settings…" /> : <ErrorState error={error} title="Could not load the ACH settings" onRetry={() => void refetch()} />;
  } else {
    const settings = data.achSettings ?? null;
    body = (
      <Stack gap="md">
        {!settings && (
          <Alert color="orange" variant="light" title="Not set up yet" data-testid="ach-missing">
            Payment batches cannot be exported until the ACH settings are saved{mayEdit ? '.' : ' — an administrator enters them.'}
          </Alert>
        )}
        {mayEdit ? <AchSettingsForm settings={settings} /> : settings ? <AchSettingsReadOnly settings={settings} /> : null}
      </Stack>
    );
  }

  return (
    <>
      <PageHeader
        back={{ to: '/payments', label: 'Payments' }}
        title="ACH settings"
        description="The company and bank identities written into every NACHA file. Ask your bank for these values."
        actions={
          mayEdit ? null : (
            <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
              Read-only: administrators edit
            </Badge>
          )
        }
      />
      {body}
    </>
  );
}

export function AchSettingsPage() {
  return (
    <RequireRole allowed={canReadAchSettings}>
      <AchSettings />
    </RequireRole>
  );
}
