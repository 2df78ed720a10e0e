import { mj } from '../mjml-tag.js';
import type { EmailContent } from './application-emails.js';

/**
 * `inviteUser`: a new staff or partner user is asked to set a password. The set-password page is
 * the portal's for everyone (the admin console has none; the token names the user and tenant),
 * so the email also says where this user signs in afterwards.
 */
export function userInvitation(input: {
  tenantName: string;
  name: string;
  invitedBy: string;
  /** Where the user works: partner users in the portal, staff in the admin console. */
  place: 'partner portal' | 'admin console';
  roleLabel: string;
  /** A partner user's company; null for staff. */
  companyName: string | null;
  setPasswordUrl: string;
  signInUrl: string;
  expiresInDays: number;
}): EmailContent {
  return {
    subject: `You are invited to ${input.tenantName}: set your password`,
    preview: `${input.invitedBy} invited you to the ${input.tenantName} ${input.place}.`,
    body: mj`
      <mj-text>Hello ${input.name},</mj-text>
      <mj-text>${input.invitedBy} invited you to the <strong>${input.tenantName}</strong> ${input.place} as <strong>${input.roleLabel}</strong>${input.companyName ? mj` of <strong>${input.companyName}</strong>` : ''}.</mj-text>
      <mj-text>Set a password for your account to get started:</mj-text>
      <mj-button href="${input.setPasswordUrl}">Set your password</mj-button>
      <mj-text font-size="13px" color="#868e96">This link works once and expires in ${input.expiresInDays} days. Afterwards, sign in at <a href="${input.signInUrl}">${input.signInUrl}</a>.</mj-text>`,
    text: [
      `Hello ${input.name},`,
      '',
      `${input.invitedBy} invited you to the ${input.tenantName} ${input.place} as ${input.roleLabel}${input.companyName ? ` of ${input.companyName}` : ''}.`,
      '',
      `Set a password for your account: ${input.setPasswordUrl}`,
      '',
      `This link works once and expires in ${input.expiresInDays} days. Afterwards, sign in at ${input.signInUrl}`,
    ].join('\n'),
  };
}
