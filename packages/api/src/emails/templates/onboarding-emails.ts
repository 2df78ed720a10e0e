import { mj } from '../mjml-tag.js';
import type { EmailContent } from './application-emails.js';

export function onboardingCompleted(input: { tenantName: string; contactName: string; companyName: string; portalUrl: string }): EmailContent {
  return {
    subject: `${input.companyName} is now an active ${input.tenantName} partner`,
    preview: 'Onboarding complete: you can start bringing customers.',
    body: mj`
      <mj-text>Hello ${input.contactName},</mj-text>
      <mj-text>Every onboarding task is done: <strong>${input.companyName}</strong> is now an active ${input.tenantName} partner. Customers you bring from today earn commissions under your plan.</mj-text>
      <mj-button href="${input.portalUrl}">Open the partner portal</mj-button>`,
    text: [
      `Hello ${input.contactName},`,
      '',
      `Every onboarding task is done: ${input.companyName} is now an active ${input.tenantName} partner. Customers you bring from today earn commissions under your plan.`,
      '',
      `Open the partner portal: ${input.portalUrl}`,
    ].join('\n'),
  };
}
