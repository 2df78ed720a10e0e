import { mj, type SafeMarkup } from '../mjml-tag.js';

/** What a template produces before the layout and MJML rendering. */
export interface EmailContent {
  subject: string;
  preview: string;
  body: SafeMarkup;
  text: string;
}

export interface ApplicationSummary {
  companyName: string;
  legalName: string;
  contactName: string;
  contactEmail: string;
  phone: string;
  businessType: string;
  territory: string[];
  expectedCustomersPerMonth: number;
}

export function applicationReceived(input: { tenantName: string; contactName: string; companyName: string; statusUrl: string }): EmailContent {
  return {
    subject: `We received your partner application — ${input.companyName}`,
    preview: `Thank you for applying to the ${input.tenantName} partner program.`,
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>Thank you for applying to become a <strong>${input.tenantName}</strong> partner on behalf of <strong>${input.companyName}</strong>. Our partner team reviews every application, usually within three business days.</mj-text>
      <mj-text>You can follow its status, or withdraw it, at any time:</mj-text>
      <mj-button href="${input.statusUrl}">View application status</mj-button>
      <mj-text font-size="13px" color="#868e96">Keep this link private: anyone who has it can see and withdraw your application.</mj-text>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `Thank you for applying to become a ${input.tenantName} partner on behalf of ${input.companyName}. Our partner team reviews every application, usually within three business days.`,
      '',
      `Follow its status, or withdraw it: ${input.statusUrl}`,
      '',
      'Keep this link private: anyone who has it can see and withdraw your application.',
    ].join('\n'),
  };
}

export function newApplicationForAdmins(input: { tenantName: string; application: ApplicationSummary; reviewUrl: string }): EmailContent {
  const a = input.application;
  const rows: [string, string][] = [
    ['Company', `${a.companyName} (${a.legalName})`],
    ['Contact', `${a.contactName} <${a.contactEmail}>, ${a.phone}`],
    ['Business type', a.businessType],
    ['Territory', a.territory.join(', ')],
    ['Expected customers / month', String(a.expectedCustomersPerMonth)],
  ];
  return {
    subject: `New partner application: ${a.companyName}`,
    preview: `${a.companyName} applied to the partner program.`,
    body: mj`
      <mj-text><strong>${a.companyName}</strong> applied to the ${input.tenantName} partner program.</mj-text>
      <mj-table font-size="14px" cellpadding="6px">
        ${rows.map(([label, value]) => mj`<tr><td style="color:#868e96;width:40%">${label}</td><td>${value}</td></tr>`)}
      </mj-table>
      <mj-button href="${input.reviewUrl}">Review the application</mj-button>`,
    text: [
      `${a.companyName} applied to the ${input.tenantName} partner program.`,
      '',
      ...rows.map(([label, value]) => `${label}: ${value}`),
      '',
      `Review it: ${input.reviewUrl}`,
    ].join('\n'),
  };
}

export function applicationApproved(input: {
  tenantName: string;
  contactName: string;
  companyName: string;
  resellerCode: string;
  setPasswordUrl: string;
  expiresInDays: number;
}): EmailContent {
  return {
    subject: `Welcome to the ${input.tenantName} partner program`,
    preview: `${input.companyName} is approved. Set your password to sign in.`,
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>Good news: <strong>${input.companyName}</strong> is now a ${input.tenantName} partner. Your partner code is <strong>${input.resellerCode}</strong>.</mj-text>
      <mj-text>Set a password for your partner portal account to get started with onboarding:</mj-text>
      <mj-button href="${input.setPasswordUrl}">Set your password</mj-button>
      <mj-text font-size="13px" color="#868e96">This link works once and expires in ${input.expiresInDays} days.</mj-text>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `Good news: ${input.companyName} is now a ${input.tenantName} partner. Your partner code is ${input.resellerCode}.`,
      '',
      `Set a password for your partner portal account: ${input.setPasswordUrl}`,
      '',
      `This link works once and expires in ${input.expiresInDays} days.`,
    ].join('\n'),
  };
}

export function applicationRejected(input: { tenantName: string; contactName: string; companyName: string; reason: string }): EmailContent {
  return {
    subject: `Your partner application — ${input.companyName}`,
    preview: `An update on ${input.companyName}'s application.`,
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>Thank you for your interest in the ${input.tenantName} partner program. After reviewing <strong>${input.companyName}</strong>'s application, we are not able to approve it at this time.</mj-text>
      <mj-text><strong>Reason:</strong> ${input.reason}</mj-text>
      <mj-text>You are welcome to apply again when circumstances change.</mj-text>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `Thank you for your interest in the ${input.tenantName} partner program. After reviewing ${input.companyName}'s application, we are not able to approve it at this time.`,
      '',
      `Reason: ${input.reason}`,
      '',
      'You are welcome to apply again when circumstances change.',
    ].join('\n'),
  };
}
