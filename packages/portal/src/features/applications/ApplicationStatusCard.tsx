import { Alert, Button, Group, Modal, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { hasErrorCode } from '../../app/errors';
import { graphql } from '../../gql';
import type { ApplicationStatus, ApplicationStatusCard_ApplicationFragment } from '../../gql/graphql';
import { ErrorState, formatDateTime, StatusBadge } from '../../ui';
import { APPLICATION_STATUS_HELP } from './labels';
import { useWithdrawResellerApplication } from './useWithdrawResellerApplication';

// What the applicant may see of their application (shared by the status query and withdrawal).
graphql(`
  fragment ApplicationStatusCard_application on ApplicationStatusView {
    companyName
    contactName
    contactEmail
    status
    submittedAt
    decidedAt
    withdrawnAt
    rejectionReason
    canWithdraw
    tenantName
  }
`);

type TimelineStep = { key: string; title: string; text: string; date?: string | null; color?: string };

/** The path the application took so far, and what comes next while it is open. */
function timelineOf(application: ApplicationStatusCard_ApplicationFragment): { steps: TimelineStep[]; active: number } {
  const submitted: TimelineStep = {
    key: 'submitted',
    title: 'Submitted',
    text: APPLICATION_STATUS_HELP.SUBMITTED,
    date: application.submittedAt,
  };
  const review: TimelineStep = { key: 'review', title: 'Under review', text: APPLICATION_STATUS_HELP.UNDER_REVIEW };
  const byStatus: Record<ApplicationStatus, () => { steps: TimelineStep[]; active: number }> = {
    SUBMITTED: () => ({
      steps: [submitted, review, { key: 'decision', title: 'Decision', text: 'We approve or decline the application and email you the outcome.' }],
      active: 0,
    }),
    UNDER_REVIEW: () => ({
      steps: [submitted, review, { key: 'decision', title: 'Decision', text: 'We approve or decline the application and email you the outcome.' }],
      active: 1,
    }),
    APPROVED: () => ({
      steps: [submitted, review, { key: 'approved', title: 'Approved', text: APPLICATION_STATUS_HELP.APPROVED, date: application.decidedAt, color: 'green' }],
      active: 2,
    }),
    REJECTED: () => ({
      steps: [submitted, review, { key: 'rejected', title: 'Not accepted', text: APPLICATION_STATUS_HELP.REJECTED, date: application.decidedAt, color: 'red' }],
      active: 2,
    }),
    WITHDRAWN: () => ({
      steps: [submitted, { key: 'withdrawn', title: 'Withdrawn', text: APPLICATION_STATUS_HELP.WITHDRAWN, date: application.withdrawnAt, color: 'gray' }],
      active: 1,
    }),
  };
  return byStatus[application.status]();
}

const ICON_PATHS = { check: 'M5 12l5 5L20 7', cross: 'M7 7l10 10M17 7L7 17' } as const;

/** The bullet's content: steps passed get a check, the current open step a dot, an ending its mark. */
function StepBullet({ index, active, status }: { index: number; active: number; status: ApplicationStatus }) {
  if (index > active) return null;
  if (index === active && (status === 'SUBMITTED' || status === 'UNDER_REVIEW')) {
    return <span style={{ width: 8, height: 8, borderRadius: '50%', background: 'currentColor', display: 'block' }} />;
  }
  const path = index === active && (status === 'REJECTED' || status === 'WITHDRAWN') ? ICON_PATHS.cross : ICON_PATHS.check;
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={path} />
    </svg>
  );
}

type ApplicationStatusCardProps = {
  application: ApplicationStatusCard_ApplicationFragment;
  token: string;
  /** Reloads the status (after a conflicting change made elsewhere). */
  onRefresh: () => void;
};

export function ApplicationStatusCard({ application, token, onRefresh }: ApplicationStatusCardProps) {
  // When the application stopped awaiting a decision: decided by the ISP or withdrawn by the applicant.
  const closedAt = application.decidedAt ?? application.withdrawnAt;
  const [confirmOpen, confirm] = useDisclosure(false);
  const [withdraw, { loading: withdrawing }] = useWithdrawResellerApplication(token);
  const [withdrawError, setWithdrawError] = useState<unknown>(null);
  const { steps, active } = timelineOf(application);
  const lastColor = steps[active]?.color;

  async function handleWithdraw() {
    setWithdrawError(null);
    try {
      await withdraw({ variables: { input: { token } } });
      confirm.close();
      notifications.show({ color: 'gray', title: 'Application withdrawn', message: 'Your application will not be reviewed.' });
    } catch (error) {
      setWithdrawError(error);
      // E.g. CONFLICT: a decision was made meanwhile; show the current status behind the modal.
      if (hasErrorCode(error, 'CONFLICT')) onRefresh();
    }
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed">
            Partner application to {application.tenantName}
          </Text>
          <Title order={2} fz={{ base: 22, sm: 28 }} style={{ overflowWrap: 'anywhere' }}>
            {application.companyName}
          </Title>
        </Stack>
        <div style={{ flexShrink: 0 }}>
          <StatusBadge status={application.status} />
        </div>
      </Group>

      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={{ base: 100, sm: 140 }}>Contact</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{application.contactName}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Email</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{application.contactEmail}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Submitted</Table.Th>
            <Table.Td>{formatDateTime(application.submittedAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Decided</Table.Th>
            <Table.Td>{closedAt ? formatDateTime(closedAt) : application.canWithdraw ? 'Not yet' : '—'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      {application.status === 'REJECTED' && (
        <Alert color="red" variant="light" title="Reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {application.rejectionReason || 'No reason was given.'}
          </Text>
        </Alert>
      )}
      {application.status === 'APPROVED' && (
        <Alert color="green" variant="light" title="Your application was approved">
          We emailed {application.contactEmail} a link to set your password. Once it is set, sign in to start onboarding.
        </Alert>
      )}

      <Stack gap="sm">
        <Text fw={600}>Progress</Text>
        <Timeline active={active} bulletSize={22} lineWidth={2} color={lastColor}>
          {steps.map((step, index) => (
            <Timeline.Item
              key={step.key}
              title={step.title}
              color={step.color}
              bullet={<StepBullet index={index} active={active} status={application.status} />}
            >
              <Text size="sm" c="dimmed">
                {step.text}
              </Text>
              {step.date && (
                <Text size="xs" c="dimmed" mt={4}>
                  {formatDateTime(step.date)}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>

      <Group justify="space-between">
        {application.status === 'APPROVED' ? (
          <Button component={Link} to={`/login?email=${encodeURIComponent(application.contactEmail)}`}>
            Sign in
          </Button>
        ) : application.status === 'REJECTED' || application.status === 'WITHDRAWN' ? (
          <Button component={Link} to="/apply" variant="light">
            Apply again
          </Button>
        ) : (
          <span />
        )}
        {application.canWithdraw && (
          <Button variant="subtle" color="red" onClick={confirm.open}>
            Withdraw application
          </Button>
        )}
      </Group>

      <Modal opened={confirmOpen} onClose={confirm.close} title="Withdraw this application?" centered>
        <Stack gap="md">
          <Text size="sm">
            The application for <b>{application.companyName}</b> will no longer be reviewed. This cannot be undone, but
            you can apply again at any time.
          </Text>
          {withdrawError !== null && <ErrorState error={withdrawError} title="Could not withdraw the application" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close} disabled={withdrawing}>
              Keep application
            </Button>
            <Button color="red" onClick={() => void handleWithdraw()} loading={withdrawing}>
              Withdraw application
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
