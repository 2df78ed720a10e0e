import { Alert, Anchor, Button, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { applyFieldErrors, errorCode, messageForCode } from '../app/errors';
import { useSetPassword } from '../features/auth/useSetPassword';
import { newPassword } from '../features/forms/validators';
import { EmptyState, ErrorState, PageHeader, PublicPanel } from '../ui';

type SetPasswordValues = { password: string; confirmPassword: string };

/** A problem with the link itself rather than the password typed. */
type LinkProblem = { title: string; message: string };

function loginLink(email: string): string {
  return `/login?email=${encodeURIComponent(email)}`;
}

export function SetPasswordPage() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token')?.trim() ?? '';
  const [setPassword, { loading }] = useSetPassword();
  const [done, setDone] = useState<{ email: string; tenantName: string } | null>(null);
  const [linkProblem, setLinkProblem] = useState<LinkProblem | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);

  const form = useForm<SetPasswordValues>({
    initialValues: { password: '', confirmPassword: '' },
    validateInputOnBlur: true,
    validate: {
      password: newPassword,
      confirmPassword: (value, values) => (value === values.password ? null : 'The passwords do not match'),
    },
  });

  async function handleSubmit(values: SetPasswordValues) {
    setLinkProblem(null);
    setUnexpected(null);
    try {
      const result = await setPassword({ variables: { input: { token, password: values.password } } });
      const payload = result.data?.setPassword;
      if (payload) setDone({ email: payload.email, tenantName: payload.tenant.name });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'NOT_FOUND') {
        setLinkProblem({
          title: 'This link is not valid',
          message: 'Check that you opened the whole link from the invitation email, or ask your partner manager for a new invitation.',
        });
      } else if (code === 'CONFLICT') {
        setLinkProblem({
          title: 'This link can no longer be used',
          message: messageForCode(error, 'CONFLICT') ?? 'This link has already been used or has expired. Ask your partner manager for a new invitation.',
        });
      } else if (code === 'BAD_USER_INPUT') {
        const unmatched = applyFieldErrors(error, ['password'], form.setFieldError);
        if (unmatched && unmatched.length > 0) {
          setLinkProblem({ title: 'This link is not valid', message: 'Ask your partner manager for a new invitation.' });
        } else if (!unmatched) setUnexpected(error);
      } else {
        setUnexpected(error);
      }
    }
  }

  if (!token) {
    return (
      <PublicPanel>
        <EmptyState
          title="This link is not valid"
          description="Open the link from your invitation email to set your password. It must include the whole address."
          action={
            <Button component={Link} to="/login" variant="light">
              Go to sign in
            </Button>
          }
        />
      </PublicPanel>
    );
  }

  if (done) {
    return (
      <PublicPanel>
        <Stack gap="md" align="center" ta="center">
          <ThemeIcon size={56} radius="xl" color="green" variant="light">
            <svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M5 12l5 5L20 7" />
            </svg>
          </ThemeIcon>
          <Title order={2}>Password set</Title>
          <Text c="dimmed">
            Password set for <b>{done.email}</b>. You can now sign in to the {done.tenantName} partner portal.
          </Text>
          <Button component={Link} to={loginLink(done.email)} size="md">
            Sign in
          </Button>
        </Stack>
      </PublicPanel>
    );
  }

  return (
    <PublicPanel>
      <PageHeader title="Set your password" description="Choose the password for your partner account." />
      <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
        <Stack gap="md">
          <PasswordInput
            label="Password"
            description="At least 12 characters, with letters and digits"
            autoComplete="new-password"
            required withAsterisk={false}
            {...form.getInputProps('password')}
          />
          <PasswordInput label="Confirm password" autoComplete="new-password" required withAsterisk={false} {...form.getInputProps('confirmPassword')} />
          {linkProblem && (
            <Alert color="red" variant="light" title={linkProblem.title}>
              <Stack gap={6}>
                <Text size="sm">{linkProblem.message}</Text>
                <Anchor component={Link} to="/login" size="sm">
                  Go to sign in
                </Anchor>
              </Stack>
            </Alert>
          )}
          {unexpected !== null && <ErrorState error={unexpected} title="Could not set the password" />}
          <Button type="submit" loading={loading} fullWidth size="md">
            Set password
          </Button>
        </Stack>
      </form>
    </PublicPanel>
  );
}
