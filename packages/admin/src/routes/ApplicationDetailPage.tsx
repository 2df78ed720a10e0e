import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage, hasErrorCode } from '../app/errors';
import { ApplicationNotes } from '../features/applications/ApplicationNotes';
import { ApproveModal, type ApprovalResult } from '../features/applications/ApproveModal';
import { useStartApplicationReview } from '../features/applications/mutations';
import { RejectModal } from '../features/applications/RejectModal';
import { HistoryTimeline } from '../features/audit/HistoryTimeline';
import { canDecideApplications, canReadEmails } from '../features/viewer/permissions';
import { useViewer } from '../features/viewer/viewer';
import { graphql } from '../gql';
import { DetailList, formatDate, formatDateTime, formatNumber, PageHeader, RecordUnavailable, SectionCard, StatusBadge } from '../ui';
import { businessTypeLabel, emailTemplateLabel, referralSourceLabel, serviceLabel } from '../ui/labels';

const AdminApplicationDetailQuery = graphql(`
  query AdminApplicationDetail($id: ID!, $withEmails: Boolean!) {
    resellerApplication(id: $id) {
      ...ApplicationDetailPage_application
      emails @include(if: $withEmails) {
        id
        template
        toAddress
        subject
        createdAt
        status
      }
    }
  }
`);

function ChipList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <Group gap={6}>
      {items.map((item) => (
        <Badge key={item} variant="default" radius="sm" tt="none" fw={500} size="md">
          {item}
        </Badge>
      ))}
    </Group>
  );
}

export function ApplicationDetailPage() {
  // Always set: the route is declared with :id.
  const { id = '' } = useParams<{ id: string }>();
  const viewer = useViewer();
  const canDecide = canDecideApplications(viewer.role);
  const withEmails = canReadEmails(viewer.role);
  const { data, loading, error, refetch } = useQuery(AdminApplicationDetailQuery, { variables: { id, withEmails } });
  const [startReview, startReviewState] = useStartApplicationReview();
  const [approveOpen, setApproveOpen] = useState(false);
  const [rejectOpen, setRejectOpen] = useState(false);
  const [approval, setApproval] = useState<ApprovalResult | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const application = data?.resellerApplication;

  if (!application) {
    return (
      <RecordUnavailable
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        loadingLabel="Loading application…"
        notFound={{ title: 'Application not found', description: 'It may have been removed, or the link is wrong.', backTo: '/applications', backLabel: 'Back to applications' }}
        errorTitle="Could not load the application"
      />
    );
  }

  const open = application.status === 'SUBMITTED' || application.status === 'UNDER_REVIEW';
  const reload = () => void refetch();

  async function handleStartReview() {
    setActionError(null);
    try {
      await startReview({ variables: { input: { applicationId: id } } });
      notifications.show({ color: 'blue', title: 'Review started', message: 'The application is now under review.' });
    } catch (caught) {
      setActionError(caught);
      if (hasErrorCode(caught, 'CONFLICT')) reload();
    }
  }

  function handleApproved(result: ApprovalResult) {
    setApproval(result);
    notifications.show({
      color: 'green',
      title: result.alreadyApproved ? 'Already approved' : 'Application approved',
      message: `Reseller ${result.reseller.code} ${result.alreadyApproved ? 'already existed' : 'was created'}.`,
    });
  }

  const actions =
    canDecide && open ? (
      <>
        {application.status === 'SUBMITTED' && (
          <Button variant="default" onClick={() => void handleStartReview()} loading={startReviewState.loading} data-testid="start-review-button">
            Start review
          </Button>
        )}
        <Button variant="outline" color="red" onClick={() => setRejectOpen(true)} data-testid="reject-button">
          Reject
        </Button>
        <Button color="green" onClick={() => setApproveOpen(true)} data-testid="approve-button">
          Approve
        </Button>
      </>
    ) : !canDecide ? (
      <Badge variant="default" size="lg" radius="sm" tt="none" fw={500}>
        Read-only access
      </Badge>
    ) : null;

  const emails = 'emails' in application ? application.emails : undefined;

  return (
    <>
      <PageHeader
        back={{ to: '/applications', label: 'Applications' }}
        title={application.companyName}
        badges={<StatusBadge status={application.status} size="lg" />}
        description={`Submitted ${formatDateTime(application.createdAt)} by ${application.contactName}`}
        actions={actions}
      />

      <Stack gap="md" mb="md">
        {actionError !== null && (
          <Alert
            color="red"
            variant="light"
            title={hasErrorCode(actionError, 'CONFLICT') ? 'The application changed' : 'Action failed'}
            withCloseButton
            onClose={() => setActionError(null)}
            data-testid="action-error"
          >
            {errorMessage(actionError)}
          </Alert>
        )}
        {approval && (
          <Alert color="green" variant="light" title={approval.alreadyApproved ? 'This application was already approved' : 'Application approved'} data-testid="approve-success" withCloseButton onClose={() => setApproval(null)}>
            {approval.alreadyApproved ? 'No new reseller was created: ' : 'Created reseller '}
            <Anchor component={Link} to={`/resellers/${approval.reseller.id}`} fw={600}>
              {approval.reseller.code} · {approval.reseller.companyName}
            </Anchor>
            {approval.alreadyApproved ? ' is its reseller.' : '. The owner has been invited and the welcome email queued.'}
          </Alert>
        )}
        {!approval && application.status === 'APPROVED' && application.reseller && (
          <Alert color="green" variant="light" title="Approved">
            Approved {formatDateTime(application.decidedAt)}
            {application.decidedBy ? ` by ${application.decidedBy.name}` : ''}. Reseller{' '}
            <Anchor component={Link} to={`/resellers/${application.reseller.id}`} fw={600} data-testid="reseller-link">
              {application.reseller.code} · {application.reseller.companyName}
            </Anchor>{' '}
            <StatusBadge status={application.reseller.status} size="sm" />
          </Alert>
        )}
        {application.status === 'REJECTED' && (
          <Alert color="red" variant="light" title="Rejected">
            <Text size="sm">
              Rejected {formatDateTime(application.decidedAt)}
              {application.decidedBy ? ` by ${application.decidedBy.name}` : ''}.
            </Text>
            {application.rejectionReason && (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                Reason sent to the applicant: “{application.rejectionReason}”
              </Text>
            )}
          </Alert>
        )}
        {application.status === 'WITHDRAWN' && (
          <Alert color="gray" variant="light" title="Withdrawn">
            The applicant withdrew this application {formatDateTime(application.withdrawnAt)}.
          </Alert>
        )}
      </Stack>

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <SectionCard title="Company">
              <DetailList
                cols={3}
                items={[
                  { label: 'Company name', value: application.companyName },
                  { label: 'Legal name', value: application.legalName },
                  { label: 'Business type', value: businessTypeLabel(application.businessType) },
                  { label: 'Years in business', value: formatNumber(application.yearsInBusiness) },
                  {
                    label: 'Website',
                    value: application.website ? (
                      <Anchor href={application.website} target="_blank" rel="noopener noreferrer" size="sm">
                        {application.website}
                      </Anchor>
                    ) : null,
                  },
                  { label: 'Heard about us', value: referralSourceLabel(application.referralSource) },
                ]}
              />
            </SectionCard>

            <SectionCard title="Contact">
              <DetailList
                cols={3}
                items={[
                  { label: 'Name', value: application.contactName },
                  {
                    label: 'Email',
                    value: (
                      <Anchor href={`mailto:${application.contactEmail}`} size="sm">
                        {application.contactEmail}
                      </Anchor>
                    ),
                  },
                  { label: 'Phone', value: application.phone },
                ]}
              />
            </SectionCard>

            <SectionCard title="Business plan">
              <DetailList
                cols={2}
                items={[
                  { label: 'Territory', value: <ChipList items={application.territory} /> },
                  {
                    label: 'Services of interest',
                    value: <ChipList items={application.servicesOfInterest.map(serviceLabel)} />,
                  },
                  { label: 'Expected new customers per month', value: formatNumber(application.expectedCustomersPerMonth) },
                  { label: 'Current customer base', value: formatNumber(application.currentCustomerBase) },
                  {
                    label: 'Message from the applicant',
                    wide: true,
                    value: application.message ? (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {application.message}
                      </Text>
                    ) : null,
                  },
                ]}
              />
            </SectionCard>

            <SectionCard
              title="Review notes"
              aside={
                <Text size="sm" c="dimmed">
                  {application.notes.length} {application.notes.length === 1 ? 'note' : 'notes'}
                </Text>
              }
            >
              <ApplicationNotes applicationId={application.id} notes={application.notes} canWrite={canDecide} />
            </SectionCard>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <SectionCard title="Review">
              <DetailList
                cols={1}
                items={[
                  { label: 'Status', value: <StatusBadge status={application.status} /> },
                  { label: 'Submitted', value: formatDateTime(application.createdAt) },
                  { label: 'Terms accepted', value: formatDateTime(application.termsAcceptedAt) },
                  {
                    label: 'Review started',
                    value: application.reviewStartedAt
                      ? `${formatDateTime(application.reviewStartedAt)}${application.reviewer ? ` by ${application.reviewer.name}` : ''}`
                      : null,
                  },
                  {
                    label: 'Decided',
                    value: application.decidedAt
                      ? `${formatDateTime(application.decidedAt)}${application.decidedBy ? ` by ${application.decidedBy.name}` : ''}`
                      : null,
                  },
                ]}
              />
            </SectionCard>

            {emails && (
              <SectionCard
                title="Emails sent"
                aside={
                  <Text size="sm" c="dimmed">
                    {emails.length}
                  </Text>
                }
              >
                {emails.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No emails about this application yet.
                  </Text>
                ) : (
                  <Stack gap="sm" data-testid="application-emails">
                    {[...emails]
                      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
                      .map((email) => (
                        <Anchor
                          key={email.id}
                          component={Link}
                          to={`/outbox/${email.id}`}
                          underline="never"
                          c="inherit"
                          p="xs"
                          style={{ border: '1px solid var(--mantine-color-gray-2)', borderRadius: 8, display: 'block' }}
                        >
                          <Group justify="space-between" wrap="nowrap" gap="xs">
                            <Text size="sm" fw={600} c="indigo.7" truncate>
                              {emailTemplateLabel(email.template)}
                            </Text>
                            <StatusBadge status={email.status} size="xs" />
                          </Group>
                          <Text size="xs" truncate mt={2}>
                            {email.subject}
                          </Text>
                          <Text size="xs" c="dimmed" truncate>
                            To {email.toAddress} · {formatDate(email.createdAt)}
                          </Text>
                        </Anchor>
                      ))}
                  </Stack>
                )}
              </SectionCard>
            )}

            <SectionCard title="History">
              <HistoryTimeline events={application.history} />
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>

      <ApproveModal
        opened={approveOpen}
        onClose={() => setApproveOpen(false)}
        application={application}
        onApproved={handleApproved}
        onConflict={reload}
      />
      <RejectModal
        opened={rejectOpen}
        onClose={() => setRejectOpen(false)}
        application={application}
        onRejected={() =>
          notifications.show({ color: 'red', title: 'Application rejected', message: 'The applicant has been emailed the reason.' })
        }
        onConflict={reload}
      />
    </>
  );
}
