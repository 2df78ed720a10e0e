import { Alert, Anchor, Button, CopyButton, Group, Stack, Text, TextInput, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { isSubmittedApplication } from '../features/applications/useSubmitResellerApplication';
import { EmptyState, PublicPanel, StatusBadge } from '../ui';

export function ApplySubmittedPage() {
  const { state } = useLocation();

  if (!isSubmittedApplication(state)) {
    return (
      <PublicPanel>
        <EmptyState
          title="Nothing to show here"
          description="This page confirms a new application right after it is submitted. To check an application you already sent, use the status link from the email we sent you."
          action={
            <Button component={Link} to="/apply" variant="light">
              Apply to become a partner
            </Button>
          }
        />
      </PublicPanel>
    );
  }

  const { application, statusToken, statusUrl } = state;
  const statusPath = `/application-status?token=${encodeURIComponent(statusToken)}`;

  return (
    <PublicPanel>
      <Stack gap="lg">
        <Stack gap="xs" align="center" ta="center">
          <ThemeIcon size={56} radius="xl" color="green" variant="light">
            <svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
              <path d="M5 12l5 5L20 7" />
            </svg>
          </ThemeIcon>
          <Title order={2}>Thank you for applying</Title>
          <Text c="dimmed">
            We have received the application for <b>{application.companyName}</b>. Our partner team reviews every
            application and will email you the decision.
          </Text>
          <StatusBadge status={application.status} />
        </Stack>

        <Alert variant="light" color="blue" title="Confirmation email sent">
          We sent a confirmation to <b>{application.contactEmail}</b> with a link to follow your application. If it does
          not arrive, check your spam folder.
        </Alert>

        <Stack gap="xs">
          <Text fw={600}>Your status link</Text>
          <Text size="sm" c="dimmed">
            Anyone with this link can see your application&apos;s status, so keep it private. It is also in the email.
          </Text>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput value={statusUrl} readOnly aria-label="Status link" style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} />
            <CopyButton value={statusUrl}>
              {({ copied, copy }) => (
                <Tooltip label="Copied" opened={copied} withArrow>
                  <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy}>
                    {copied ? 'Copied' : 'Copy link'}
                  </Button>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
        </Stack>

        <Group justify="space-between">
          <Anchor component={Link} to="/" size="sm">
            Back to the start page
          </Anchor>
          <Button component={Link} to={statusPath} data-testid="status-link">
            View application status
          </Button>
        </Group>
      </Stack>
    </PublicPanel>
  );
}
