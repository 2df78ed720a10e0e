import { mj } from '../mjml-tag.js';
import type { EmailContent } from './application-emails.js';
import { statementTable, type StatementLine } from './statement-table.js';

export function payoutAccountChanged(input: { tenantName: string; contactName: string; companyName: string; changedBy: string; last4: string; supportEmail: string; portalUrl: string }): EmailContent {
  return {
    subject: `Your ${input.tenantName} payout bank details were changed`,
    preview: `Commissions will be paid to the account ending ${input.last4} once verified.`,
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>The bank account ${input.tenantName} pays <strong>${input.companyName}</strong>'s commissions into was changed by ${input.changedBy}. Payments will go to the account ending in <strong>${input.last4}</strong> once our finance team has verified it.</mj-text>
      <mj-text>If you did not make this change, contact ${input.supportEmail} at once.</mj-text>
      <mj-button href="${input.portalUrl}">Review your payout details</mj-button>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `The bank account ${input.tenantName} pays ${input.companyName}'s commissions into was changed by ${input.changedBy}. Payments will go to the account ending in ${input.last4} once our finance team has verified it.`,
      '',
      `If you did not make this change, contact ${input.supportEmail} at once.`,
      '',
      `Review your payout details: ${input.portalUrl}`,
    ].join('\n'),
  };
}

export type { StatementLine } from './statement-table.js';

/** "Payment sent" with the commission statement: every line the payment settles. */
export function paymentStatement(input: { tenantName: string; contactName: string; companyName: string; amount: string; last4: string; traceNumber: string; settledOn: string; lines: StatementLine[]; portalUrl: string }): EmailContent {
  return {
    subject: `${input.tenantName} paid ${input.amount} in commissions to ${input.companyName}`,
    preview: `${input.amount} sent to the account ending ${input.last4}.`,
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>We have paid <strong>${input.amount}</strong> to the account ending in ${input.last4} on ${input.settledOn} (ACH trace ${input.traceNumber}). This is your statement:</mj-text>
      ${statementTable(input.lines, input.amount)}
      <mj-button href="${input.portalUrl}">See your payments</mj-button>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `We have paid ${input.amount} to the account ending in ${input.last4} on ${input.settledOn} (ACH trace ${input.traceNumber}). This is your statement:`,
      '',
      ...input.lines.map((line) => `${line.period}  ${line.description}  ${line.amount}`),
      `Total  ${input.amount}`,
      '',
      `See your payments: ${input.portalUrl}`,
    ].join('\n'),
  };
}
