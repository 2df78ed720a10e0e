import { mj } from '../mjml-tag.js';
import type { EmailContent } from './application-emails.js';
import { statementTable, type StatementLine } from './statement-table.js';

/** SPEC §7 "onboarding task reminder": to a reseller's contact, the tasks past their due date. */
export function onboardingTaskReminder(input: {
  tenantName: string;
  contactName: string;
  companyName: string;
  tasks: { title: string; dueDate: string; daysOverdue: number }[];
  portalUrl: string;
}): EmailContent {
  const count = input.tasks.length;
  const tasksLabel = count === 1 ? '1 onboarding task is' : `${count} onboarding tasks are`;
  const overdue = (days: number) => `${days} ${days === 1 ? 'day' : 'days'} overdue`;
  const rows = input.tasks.map(
    (task) =>
      mj`<tr><td style="padding:4px 8px 4px 0">${task.title}</td><td style="padding:4px 8px">${task.dueDate}</td><td style="padding:4px 0 4px 8px;text-align:right;color:#c92a2a">${overdue(task.daysOverdue)}</td></tr>`,
  );
  return {
    subject: `${input.tenantName} onboarding reminder: ${count === 1 ? '1 task' : `${count} tasks`} overdue for ${input.companyName}`,
    preview: `Finish onboarding to become an active ${input.tenantName} partner.`,
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>${tasksLabel} past the due date for <strong>${input.companyName}</strong>'s ${input.tenantName} partner onboarding:</mj-text>
      <mj-table>
        <tr style="border-bottom:1px solid #ddd;text-align:left"><th style="padding:4px 8px 4px 0">Task</th><th style="padding:4px 8px">Due</th><th style="padding:4px 0 4px 8px;text-align:right">Status</th></tr>
        ${rows}
      </mj-table>
      <mj-text>You become an active partner, and start earning commissions, once every task is done.</mj-text>
      <mj-button href="${input.portalUrl}">Finish onboarding</mj-button>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `${tasksLabel} past the due date for ${input.companyName}'s ${input.tenantName} partner onboarding:`,
      '',
      ...input.tasks.map((task) => `- ${task.title} (due ${task.dueDate}, ${overdue(task.daysOverdue)})`),
      '',
      'You become an active partner, and start earning commissions, once every task is done.',
      '',
      `Finish onboarding: ${input.portalUrl}`,
    ].join('\n'),
  };
}

/** SPEC §7 "commission statement": to a reseller's contact when a period's run is approved; every line of the period. */
export function commissionStatement(input: {
  tenantName: string;
  contactName: string;
  companyName: string;
  period: string;
  lines: StatementLine[];
  total: string;
  minimumPayout: string;
  portalUrl: string;
}): EmailContent {
  const payment = `Commissions are paid once your payable total reaches the minimum payout of ${input.minimumPayout}; below that, they carry over to the next period.`;
  return {
    subject: `${input.tenantName} commission statement for ${input.period} — ${input.companyName}`,
    preview: `${input.total} in commissions for ${input.period}.`,
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>${input.tenantName} has approved the commissions for <strong>${input.period}</strong>. This is <strong>${input.companyName}</strong>'s statement for the period:</mj-text>
      ${statementTable(input.lines, input.total)}
      <mj-text>${payment}</mj-text>
      <mj-button href="${input.portalUrl}">See your commissions</mj-button>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `${input.tenantName} has approved the commissions for ${input.period}. This is ${input.companyName}'s statement for the period:`,
      '',
      ...input.lines.map((line) => `${line.period}  ${line.description}  ${line.amount}`),
      `Total  ${input.total}`,
      '',
      payment,
      '',
      `See your commissions: ${input.portalUrl}`,
    ].join('\n'),
  };
}

/** SPEC §7 "partner alert / intervention notice": to the ISP's partner team when a CRITICAL alert opens an executive escalation. */
export function partnerAlertNotice(input: {
  tenantName: string;
  recipientName: string;
  companyName: string;
  resellerCode: string;
  severity: string;
  alertMessage: string;
  score: number | null;
  interventionType: string;
  interventionDueDate: string;
  consoleUrl: string;
}): EmailContent {
  const score = input.score === null ? 'no score yet' : String(input.score);
  return {
    subject: `${input.tenantName} ${input.severity} partner alert: ${input.companyName} (${input.resellerCode}), executive escalation opened`,
    preview: input.alertMessage,
    body: mj`
      <mj-text>Hello ${input.recipientName},</mj-text>
      <mj-text>A <strong>${input.severity}</strong> partner-health alert was raised for <strong>${input.companyName}</strong> (${input.resellerCode}) in the ${input.tenantName} partner program.</mj-text>
      <mj-table font-size="14px" cellpadding="6px">
        <tr><td style="color:#868e96;width:40%">Severity</td><td>${input.severity}</td></tr>
        <tr><td style="color:#868e96;width:40%">Alert</td><td>${input.alertMessage}</td></tr>
        <tr><td style="color:#868e96;width:40%">Health score</td><td>${score}</td></tr>
      </mj-table>
      <mj-text>An executive escalation intervention (${input.interventionType}) was opened and is due on <strong>${input.interventionDueDate}</strong>.</mj-text>
      <mj-button href="${input.consoleUrl}">Open the partner in the console</mj-button>`,
    text: [
      `Hello ${input.recipientName},`,
      '',
      `A ${input.severity} partner-health alert was raised for ${input.companyName} (${input.resellerCode}) in the ${input.tenantName} partner program.`,
      '',
      `Severity: ${input.severity}`,
      `Alert: ${input.alertMessage}`,
      `Health score: ${score}`,
      '',
      `An executive escalation intervention (${input.interventionType}) was opened and is due on ${input.interventionDueDate}.`,
      '',
      `Open the partner in the console: ${input.consoleUrl}`,
    ].join('\n'),
  };
}

/** To finance: the monthly commission run finished and waits for review/approval. */
export function commissionRunReady(input: {
  tenantName: string;
  period: string;
  resellerCount: number;
  lineCount: number;
  total: string;
  discrepancyCount: number;
  reviewUrl: string;
}): EmailContent {
  const rows: [string, string][] = [
    ['Period', input.period],
    ['Resellers', String(input.resellerCount)],
    ['Commission lines', String(input.lineCount)],
    ['Total', input.total],
    ['Discrepancies', String(input.discrepancyCount)],
  ];
  const discrepancies =
    input.discrepancyCount > 0
      ? `${input.discrepancyCount} ${input.discrepancyCount === 1 ? 'discrepancy needs' : 'discrepancies need'} review before the run can be approved.`
      : 'No discrepancies were found: the run is ready for approval.';
  return {
    subject: `${input.tenantName} commission run for ${input.period} is ready for review`,
    preview: `${input.total} across ${input.resellerCount} ${input.resellerCount === 1 ? 'reseller' : 'resellers'} for ${input.period}.`,
    body: mj`
      <mj-text>The ${input.tenantName} commission run for <strong>${input.period}</strong> has finished and is waiting for review and approval.</mj-text>
      <mj-table font-size="14px" cellpadding="6px">
        ${rows.map(([label, value]) => mj`<tr><td style="color:#868e96;width:40%">${label}</td><td>${value}</td></tr>`)}
      </mj-table>
      <mj-text>${discrepancies}</mj-text>
      <mj-button href="${input.reviewUrl}">Review the commission run</mj-button>`,
    text: [
      `The ${input.tenantName} commission run for ${input.period} has finished and is waiting for review and approval.`,
      '',
      ...rows.map(([label, value]) => `${label}: ${value}`),
      '',
      discrepancies,
      '',
      `Review it: ${input.reviewUrl}`,
    ].join('\n'),
  };
}
