import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../app/auth';
import { describeError, fieldErrorsOf, hasErrorCode } from '../app/errors';
import { setSession, useSession } from '../app/session';
import { tenantSlug } from '../app/tenant';
import { isStaffRole } from '../features/viewer/permissions';
import { usePublicTenant } from '../features/viewer/publicTenant';
import { graphql } from '../gql';

const AdminLoginMutation = graphql(`
  mutation AdminLogin($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      user {
        id
        name
        email
        role
      }
    }
  }
`);

// Ends the session a partner just opened here: it is not kept, so it should not stay valid.
const AdminDiscardSessionMutation = graphql(`
  mutation AdminDiscardSession {
    logout
  }
`);

/** Where to land after signing in: `?next=` when it is an in-app path, else the queue. */
function landingPath(next: string | null): string {
  const path = safeNextPath(next);
  return path === '/' || path.startsWith('/login') ? '/applications' : path;
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [searchParams] = useSearchParams();
  const next = searchParams.get('next');
  const { tenant, loading: tenantLoading } = usePublicTenant();
  const [login, { loading }] = useMutation(AdminLoginMutation);
  const [discardSession] = useMutation(AdminDiscardSessionMutation);
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const [partnerRedirect, setPartnerRedirect] = useState(false);

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter your work email address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  // Already signed in (e.g. Back after signing in): go straight in.
  if (session) return <Navigate to={landingPath(next)} replace />;

  async function handleSubmit(values: { email: string; password: string }) {
    setFailure(null);
    setPartnerRedirect(false);
    try {
      const result = await login({
        variables: { input: { tenantSlug: tenantSlug ?? null, email: values.email.trim(), password: values.password } },
      });
      const payload = result.data?.login;
      if (!payload) throw new Error('The server sent no session.');
      if (!isStaffRole(payload.user.role)) {
        // A partner's account: it belongs in the portal. Close the session it just opened.
        setPartnerRedirect(true);
        form.setFieldValue('password', '');
        void discardSession({ context: { headers: { authorization: `Bearer ${payload.token}` } } }).catch(() => undefined);
        return;
      }
      // Nothing cached from an earlier user may show for this one.
      await client.clearStore();
      setSession({ token: payload.token });
      void navigate(landingPath(next), { replace: true });
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error);
      if (Object.keys(fieldErrors).length > 0) form.setErrors(fieldErrors);
      if (hasErrorCode(error, 'RATE_LIMITED')) {
        setFailure({ title: 'Too many attempts', message: describeError(error)[0]?.message ?? 'Try again in a few minutes.' });
      } else if (hasErrorCode(error, 'UNAUTHENTICATED')) {
        setFailure({ title: 'Could not sign you in', message: describeError(error)[0]?.message ?? 'Email or password is incorrect.' });
      } else {
        setFailure({ title: 'Could not sign you in', message: describeError(error).map((d) => d.message).join(' ') });
      }
    }
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3">
          Sign in
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {tenant ? `Staff access to ${tenant.name}'s partner programme.` : 'Staff access to the partner programme.'}
        </Text>
      </div>

      {!tenantLoading && tenant === null && (
        <Alert color="yellow" variant="light" title="Unknown ISP">
          No partner programme is called “{tenantSlug}”. Check the link you were given.
        </Alert>
      )}

      {partnerRedirect && (
        <Alert color="blue" variant="light" title="This console is for ISP staff" data-testid="partner-redirect">
          Partners sign in at{' '}
          <Anchor href="/portal/" fw={600}>
            /portal/
          </Anchor>
          .
        </Alert>
      )}

      {failure && (
        <Alert color="red" variant="light" title={failure.title} data-testid="login-error">
          {failure.message}
        </Alert>
      )}

      <form onSubmit={form.onSubmit((values) => void handleSubmit(values))} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            placeholder="you@company.com"
            autoFocus
            {...form.getInputProps('email')}
          />
          <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={loading} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
