import { useApolloClient } from '@apollo/client/react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../app/auth';
import { applyFieldErrors, errorCode, messageForCode } from '../app/errors';
import { setSession, useSession } from '../app/session';
import { tenantSlug } from '../app/tenant';
import { useLogin } from '../features/auth/useLogin';
import { revokeSession, useSignOut } from '../features/auth/useSignOut';
import { emailAddress } from '../features/forms/validators';
import type { Role } from '../gql/graphql';
import { ErrorState, PageHeader, PublicPanel } from '../ui';

type LoginValues = { email: string; password: string };

/** Roles that belong in the partner portal; ISP staff use the admin console. */
const PARTNER_ROLES: readonly Role[] = ['RESELLER_OWNER', 'RESELLER_STAFF'];

/** After signing in: `?next=` when it is a safe in-app path other than the start page, else the dashboard. */
function destination(next: string | null): string {
  const path = safeNextPath(next);
  return path === '/' ? '/dashboard' : path;
}

export function LoginPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const session = useSession();
  const [login] = useLogin();
  const { signOut, signingOut } = useSignOut();
  // Covers the whole sign-in, including clearing the previous cache, not just the mutation.
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<{ title: string; message: ReactNode } | null>(null);
  const [unexpected, setUnexpected] = useState<unknown>(null);
  const next = searchParams.get('next');

  const form = useForm<LoginValues>({
    initialValues: { email: searchParams.get('email') ?? '', password: '' },
    validate: {
      email: emailAddress,
      password: (value) => (value ? null : 'Required'),
    },
  });

  async function handleSubmit(values: LoginValues) {
    setProblem(null);
    setUnexpected(null);
    setSubmitting(true);
    try {
      const result = await login({
        variables: { input: { tenantSlug: tenantSlug ?? null, email: values.email.trim(), password: values.password } },
      });
      const payload = result.data?.login;
      if (!payload) return;
      if (!PARTNER_ROLES.includes(payload.user.role)) {
        // ISP staff: this session is not for the portal, so end it on the api and keep nothing.
        await revokeSession(client, payload.token);
        setProblem({
          title: 'ISP staff account',
          message: (
            <>
              This is the partner portal; ISP staff sign in at{' '}
              <Anchor href="/admin/" inherit>
                /admin/
              </Anchor>
              .
            </>
          ),
        });
        return;
      }
      // Nothing cached for a previous visitor may leak into this user's pages.
      await client.clearStore();
      setSession({ token: payload.token });
      navigate(destination(next), { replace: true });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'UNAUTHENTICATED') {
        // 'Email or password is incorrect', or why a known account may not sign in (not active, terminated).
        setProblem({ title: 'Could not sign you in', message: messageForCode(error, 'UNAUTHENTICATED') ?? 'Email or password is incorrect' });
      } else if (code === 'RATE_LIMITED') {
        setProblem({ title: 'Too many attempts', message: messageForCode(error, 'RATE_LIMITED') ?? 'Too many sign-in attempts. Try again in a few minutes.' });
      } else if (code === 'BAD_USER_INPUT' && applyFieldErrors(error, ['email', 'password'], form.setFieldError)?.length === 0) {
        // Shown on the fields.
      } else {
        setUnexpected(error);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PublicPanel size={440}>
      <PageHeader title="Sign in" description="Sign in to your partner account." />
      {session ? (
        // A second sign-in over a live session would mix two users' state: finish or end this one first.
        <Stack gap="md">
          <Alert variant="light" color="blue" title="You are already signed in">
            Continue to the portal, or sign out to use another account.
          </Alert>
          <Button component={Link} to={destination(next)} fullWidth size="md">
            Continue to the portal
          </Button>
          <Button variant="default" fullWidth onClick={() => void signOut()} loading={signingOut}>
            Sign out
          </Button>
        </Stack>
      ) : (
      <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
        <Stack gap="md">
          <TextInput label="Email" type="email" autoComplete="username" required withAsterisk={false} {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required withAsterisk={false} {...form.getInputProps('password')} />
          {problem && (
            <Alert color="red" variant="light" title={problem.title}>
              {problem.message}
            </Alert>
          )}
          {unexpected !== null && <ErrorState error={unexpected} title="Could not sign you in" />}
          <Button type="submit" loading={submitting} fullWidth size="md">
            Sign in
          </Button>
        </Stack>
      </form>
      )}
      <Stack gap={4} mt="lg">
        <Text size="sm" c="dimmed">
          New partner? Use the link in your welcome email to set your password first.
        </Text>
        <Text size="sm" c="dimmed">
          Not a partner yet?{' '}
          <Anchor component={Link} to="/apply" size="sm">
            Apply to become one
          </Anchor>
        </Text>
      </Stack>
    </PublicPanel>
  );
}
