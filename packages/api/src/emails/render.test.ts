import { describe, expect, it } from 'vitest';
import { renderEmail } from './render.js';
import { applicationApproved, applicationReceived, applicationRejected, newApplicationForAdmins } from './templates/application-emails.js';
import type { Branding } from './templates/layout.js';
import { paymentStatement, payoutAccountChanged } from './templates/payout-emails.js';

const branding: Branding = { tenantName: 'Northwind Fiber', logoUrl: null, primaryColor: '#0b7285', footer: 'Northwind Fiber Inc., 1 Main St', supportEmail: 'partners@northwind.example' };
const application = { companyName: 'Acme', legalName: 'Acme LLC', contactName: 'Jo', contactEmail: 'jo@acme.example', phone: '+1 555 0100', businessType: 'LLC', territory: ['Springfield', '62701'], expectedCustomersPerMonth: 12 };

describe('emails', () => {
  const templates = {
    received: applicationReceived({ tenantName: 'Northwind Fiber', contactName: 'Jo', companyName: 'Acme', statusUrl: 'https://hub.example/portal/application-status?token=abc' }),
    admins: newApplicationForAdmins({ tenantName: 'Northwind Fiber', application, reviewUrl: 'https://hub.example/admin/applications/1' }),
    approved: applicationApproved({ tenantName: 'Northwind Fiber', contactName: 'Jo', companyName: 'Acme', resellerCode: 'RS-000042', setPasswordUrl: 'https://hub.example/portal/set-password?token=xyz', expiresInDays: 7 }),
    rejected: applicationRejected({ tenantName: 'Northwind Fiber', contactName: 'Jo', companyName: 'Acme', reason: 'Outside our footprint' }),
    payoutChanged: payoutAccountChanged({ tenantName: 'Northwind Fiber', contactName: 'Jo', companyName: 'Acme', changedBy: 'jo@acme.example', last4: '6789', supportEmail: 'partners@northwind.example', portalUrl: 'https://hub.example/portal/payments' }),
    statement: paymentStatement({
      tenantName: 'Northwind Fiber',
      contactName: '<script>alert(1)</script> Jo',
      companyName: 'Acme',
      amount: '$130.45',
      last4: '6789',
      traceNumber: '021000020000001',
      settledOn: '2026-11-27',
      lines: [
        { period: '2026-09', description: '10 % of $1,204.50 paid on invoice INV-88', amount: '$120.45' },
        { period: '2026-10', description: 'Adjustment <b>late</b>', amount: '$10.00' },
      ],
      portalUrl: 'https://hub.example/portal/payments',
    }),
  };

  for (const [name, content] of Object.entries(templates)) {
    it(`${name}: renders responsive HTML with the shared layout and a plain-text part`, async () => {
      const email = await renderEmail(branding, content);
      expect(email.html).toMatch(/^<!doctype html>/i);
      expect(email.html).toContain('@media'); // MJML's responsive styles
      expect(email.html).toContain('Northwind Fiber Partner Program'); // layout header
      expect(email.html).toContain('Northwind Fiber Inc., 1 Main St'); // layout footer
      expect(email.html).toContain('#0b7285'); // tenant colour
      expect(email.text).toContain('partners@northwind.example');
      expect(email.text).not.toMatch(/<(p|div|table|td|a|br|span|mj-)[\s>]/i);
    });
  }

  it('a statement lists every line in both parts and escapes what partners typed', async () => {
    const statement = await renderEmail(branding, templates.statement);
    for (const part of [statement.html, statement.text]) {
      expect(part).toContain('INV-88');
      expect(part).toContain('$120.45');
      expect(part).toContain('$130.45');
      expect(part).toContain('021000020000001');
    }
    expect(statement.html).not.toContain('<script>alert(1)</script>');
    expect(statement.html).toContain('&lt;script&gt;');
    expect(statement.html).not.toContain('<b>late</b>');
    expect(statement.html).toContain('&lt;b&gt;late&lt;/b&gt;');
    const changed = await renderEmail(branding, templates.payoutChanged);
    expect(changed.text).toContain('ending in 6789');
  });

  it('puts the links and facts in both parts', async () => {
    const approved = await renderEmail(branding, templates.approved);
    expect(approved.html).toContain('href="https://hub.example/portal/set-password?token=xyz"');
    expect(approved.text).toContain('https://hub.example/portal/set-password?token=xyz');
    expect(approved.text).toContain('RS-000042');
    const rejected = await renderEmail(branding, templates.rejected);
    expect(rejected.text).toContain('Reason: Outside our footprint');
    const admins = await renderEmail(branding, templates.admins);
    expect(admins.html).toContain('Springfield, 62701');
  });

  it('escapes every variable: a partner named <script> renders as text', async () => {
    const content = applicationRejected({ tenantName: 'ISP', contactName: '<script>alert(1)</script>', companyName: '"><img src=x onerror=alert(1)>', reason: '<b>bold</b>' });
    const email = await renderEmail({ ...branding, tenantName: '<i>ISP</i>' }, content);
    expect(email.html).not.toContain('<script>alert(1)</script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('<b>bold</b>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email.text).toContain('<script>alert(1)</script>'); // plain text needs no escaping
  });

  it('uses the logo when the tenant has one, and ignores a colour that is not a colour', async () => {
    const email = await renderEmail({ ...branding, logoUrl: 'https://cdn.example/logo.png', primaryColor: 'red;background:url(x)' }, templates.received);
    expect(email.html).toContain('src="https://cdn.example/logo.png"');
    expect(email.html).not.toContain('url(x)');
    expect(email.html).toContain('#1c7ed6');
  });
});

describe('email html is self-contained', () => {
  it('links no web fonts (the admin preview and mail clients block or track them)', async () => {
    const email = await renderEmail(branding, applicationReceived({ tenantName: 'N', contactName: 'J', companyName: 'A', statusUrl: 'https://x.example' }));
    expect(email.html).not.toContain('fonts.googleapis.com');
  });
});
