import { describe, expect, it } from 'vitest';
import { renderEmail } from './render.js';
import type { EmailContent } from './templates/application-emails.js';
import { commissionRunReady, commissionStatement, onboardingTaskReminder, partnerAlertNotice } from './templates/automation-emails.js';
import type { Branding } from './templates/layout.js';
import { userInvitation } from './templates/user-emails.js';

const branding: Branding = { tenantName: 'Northwind Fiber', logoUrl: null, primaryColor: '#0b7285', footer: 'Northwind Fiber Inc., 1 Main St', supportEmail: 'partners@northwind.example' };

const reminderInput = {
  tenantName: 'Northwind Fiber',
  contactName: 'Jo Walker',
  companyName: 'Acme Connect',
  tasks: [
    { title: 'Sign the partner agreement', dueDate: '2026-10-01', daysOverdue: 14 },
    { title: 'Upload the W-9 form', dueDate: '2026-10-05', daysOverdue: 10 },
    { title: 'Complete the sales training', dueDate: '2026-10-14', daysOverdue: 1 },
  ],
  portalUrl: 'https://hub.example/portal/onboarding',
};

const statementInput = {
  tenantName: 'Northwind Fiber',
  contactName: 'Jo Walker',
  companyName: 'Acme Connect',
  period: '2026-10',
  lines: [
    { period: '2026-10', description: '10 % of $1,204.50 paid on invoice INV-88', amount: '$120.45' },
    { period: '2026-10', description: 'Install bonus for customer CU-1017', amount: '$25.00' },
    { period: '2026-09', description: 'Clawback for cancelled customer CU-0999', amount: '-$15.00' },
  ],
  total: '$130.45',
  minimumPayout: '$50.00',
  portalUrl: 'https://hub.example/portal/commissions',
};

const alertInput = {
  tenantName: 'Northwind Fiber',
  recipientName: 'Sam Rivera',
  companyName: 'Acme Connect',
  resellerCode: 'RS-000042',
  severity: 'CRITICAL',
  alertMessage: 'Health score dropped 25 points in 4 weeks',
  score: 38,
  interventionType: 'EXECUTIVE_ESCALATION',
  interventionDueDate: '2026-11-06',
  consoleUrl: 'https://hub.example/admin/resellers/RS-000042',
};

const runInput = {
  tenantName: 'Northwind Fiber',
  period: '2026-10',
  resellerCount: 17,
  lineCount: 243,
  total: '$18,904.12',
  discrepancyCount: 3,
  reviewUrl: 'https://hub.example/admin/commission-runs/2026-10',
};

const invitationInput = {
  tenantName: 'Northwind Fiber',
  name: 'Jo Walker',
  invitedBy: 'Sam Rivera',
  place: 'partner portal' as const,
  roleLabel: 'partner staff',
  companyName: 'Acme Connect',
  setPasswordUrl: 'https://hub.example/portal/set-password?token=abc123',
  signInUrl: 'https://hub.example/portal/login',
  expiresInDays: 7,
};

/** Each template, its content, the values both parts must show, and the URLs its buttons link to. */
const cases: { name: string; content: EmailContent; values: string[]; urls: string[] }[] = [
  {
    name: 'onboardingTaskReminder',
    content: onboardingTaskReminder(reminderInput),
    values: [
      reminderInput.tenantName,
      reminderInput.contactName,
      reminderInput.companyName,
      ...reminderInput.tasks.flatMap((task) => [task.title, task.dueDate]),
      '14 days overdue',
      '10 days overdue',
      '1 day overdue',
    ],
    urls: [reminderInput.portalUrl],
  },
  {
    name: 'commissionStatement',
    content: commissionStatement(statementInput),
    values: [
      statementInput.tenantName,
      statementInput.contactName,
      statementInput.companyName,
      statementInput.period,
      ...statementInput.lines.flatMap((line) => [line.period, line.description, line.amount]),
      statementInput.total,
      statementInput.minimumPayout,
    ],
    urls: [statementInput.portalUrl],
  },
  {
    name: 'partnerAlertNotice',
    content: partnerAlertNotice(alertInput),
    values: [
      alertInput.tenantName,
      alertInput.recipientName,
      alertInput.companyName,
      alertInput.resellerCode,
      alertInput.severity,
      alertInput.alertMessage,
      String(alertInput.score),
      alertInput.interventionType,
      alertInput.interventionDueDate,
      'executive escalation',
    ],
    urls: [alertInput.consoleUrl],
  },
  {
    name: 'commissionRunReady',
    content: commissionRunReady(runInput),
    values: [runInput.tenantName, runInput.period, String(runInput.resellerCount), String(runInput.lineCount), runInput.total, String(runInput.discrepancyCount)],
    urls: [runInput.reviewUrl],
  },
  {
    name: 'userInvitation',
    content: userInvitation(invitationInput),
    values: [invitationInput.tenantName, invitationInput.name, invitationInput.invitedBy, invitationInput.roleLabel, invitationInput.companyName, 'partner portal', '7 days'],
    urls: [invitationInput.setPasswordUrl, invitationInput.signInUrl],
  },
];

describe('automation emails', () => {
  for (const { name, content, values, urls } of cases) {
    it(`${name}: renders the shared layout with every variable in html and text`, async () => {
      const email = await renderEmail(branding, content); // throws on any MJML error
      expect(email.subject).toContain('Northwind Fiber');
      expect(email.html).toMatch(/^<!doctype html>/i);
      expect(email.html).toContain('Northwind Fiber Partner Program'); // layout header
      expect(email.html).toContain('Northwind Fiber Inc., 1 Main St'); // layout footer
      expect(email.html).toContain('#0b7285'); // tenant colour
      expect(email.html).not.toContain('fonts.googleapis.com');
      for (const value of values) {
        expect(email.html, value).toContain(value);
        expect(email.text, value).toContain(value);
      }
      for (const url of urls) {
        expect(email.html).toContain(`href="${url}"`);
        expect(email.text).toContain(url);
      }
      expect(email.text).toContain('partners@northwind.example');
      expect(email.text).not.toMatch(/<(p|div|table|td|tr|a|br|span|mj-)[\s>]/i);
      expect(email.text).toMatchSnapshot();
    });
  }

  it('subjects name the tenant, company and period', () => {
    expect(onboardingTaskReminder(reminderInput).subject).toBe('Northwind Fiber onboarding reminder: 3 tasks overdue for Acme Connect');
    expect(commissionStatement(statementInput).subject).toMatch(/Northwind Fiber.*2026-10.*Acme Connect/);
    expect(partnerAlertNotice(alertInput).subject).toMatch(/Northwind Fiber CRITICAL.*Acme Connect \(RS-000042\)/);
    expect(commissionRunReady(runInput).subject).toMatch(/Northwind Fiber.*2026-10/);
    expect(userInvitation(invitationInput).subject).toBe('You are invited to Northwind Fiber: set your password');
  });

  it('a staff invitation names the admin console and no company', async () => {
    const email = await renderEmail(branding, userInvitation({ ...invitationInput, place: 'admin console', roleLabel: 'finance', companyName: null, signInUrl: 'https://hub.example/admin/login' }));
    expect(email.text).toContain('Sam Rivera invited you to the Northwind Fiber admin console as finance.');
    expect(email.html).toContain('href="https://hub.example/admin/login"');
    expect(email.text).not.toContain('Acme Connect');
  });

  it('a reminder with 3 tasks lists all 3 with their due dates and days overdue', async () => {
    const email = await renderEmail(branding, onboardingTaskReminder(reminderInput));
    for (const part of [email.html, email.text]) {
      expect(part.match(/days? overdue/g)).toHaveLength(3);
      for (const task of reminderInput.tasks) expect(part).toContain(task.title);
    }
    expect(email.text).toContain('- Sign the partner agreement (due 2026-10-01, 14 days overdue)');
    expect(email.text).toContain('- Complete the sales training (due 2026-10-14, 1 day overdue)');
    expect(email.html.match(/padding:4px 8px 4px 0/g)).toHaveLength(4); // first cell of the header row + 3 task rows
  });

  it('a statement says when it is paid and keeps a total row when the period has no lines', async () => {
    const full = await renderEmail(branding, commissionStatement(statementInput));
    expect(full.text).toContain('Total  $130.45');
    expect(full.text).toMatch(/minimum payout of \$50\.00.*carry over/);
    const empty = await renderEmail(branding, commissionStatement({ ...statementInput, lines: [], total: '$0.00' }));
    expect(empty.html).toMatch(/>Total<\/td>/);
    expect(empty.html).toContain('$0.00');
    expect(empty.html.match(/padding:4px 8px 4px 0/g)).toHaveLength(2); // first cell of the header row + the total row
    expect(empty.text).toContain('Total  $0.00');
  });

  it('an alert without a score says "no score yet"', async () => {
    const email = await renderEmail(branding, partnerAlertNotice({ ...alertInput, score: null }));
    expect(email.html).toContain('no score yet');
    expect(email.text).toContain('Health score: no score yet');
    expect(email.text).not.toContain('null');
    const zero = await renderEmail(branding, partnerAlertNotice({ ...alertInput, score: 0 }));
    expect(zero.text).toContain('Health score: 0');
  });

  it('the run email asks to review discrepancies only when there are some', async () => {
    const withDiscrepancies = await renderEmail(branding, commissionRunReady(runInput));
    expect(withDiscrepancies.text).toContain('3 discrepancies need review');
    expect(withDiscrepancies.html).toContain('3 discrepancies need review');
    const clean = await renderEmail(branding, commissionRunReady({ ...runInput, discrepancyCount: 0 }));
    expect(clean.text).not.toContain('need review');
    expect(clean.text).toContain('No discrepancies were found');
    expect(clean.html).toContain('No discrepancies were found');
  });

  it('escapes what partners typed in html and keeps it literal in text', async () => {
    const company = '<script>alert(1)</script>';
    const contents = [
      onboardingTaskReminder({ ...reminderInput, companyName: company, tasks: [{ title: '<b>x</b>', dueDate: '2026-10-01', daysOverdue: 2 }] }),
      commissionStatement({ ...statementInput, companyName: company, lines: [{ period: '2026-10', description: '<b>x</b>', amount: '$1.00' }] }),
      partnerAlertNotice({ ...alertInput, companyName: company, alertMessage: '<b>x</b>' }),
      userInvitation({ ...invitationInput, companyName: company, name: '<b>x</b>' }),
    ];
    for (const content of contents) {
      const email = await renderEmail(branding, content);
      expect(email.html).not.toContain('<script>alert(1)</script>');
      expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(email.html).not.toContain('<b>x</b>');
      expect(email.html).toContain('&lt;b&gt;x&lt;/b&gt;');
      expect(email.text).toContain('<script>alert(1)</script>');
      expect(email.text).toContain('<b>x</b>');
    }
    const run = await renderEmail({ ...branding, tenantName: company }, commissionRunReady({ ...runInput, tenantName: company }));
    expect(run.html).not.toContain('<script>alert(1)</script>');
    expect(run.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(run.text).toContain('<script>alert(1)</script>');
  });
});
