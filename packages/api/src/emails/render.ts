import mjml2html from 'mjml';
import { layout, type Branding } from './templates/layout.js';
import type { EmailContent } from './templates/application-emails.js';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** MJML → responsive HTML. Rendering is async in MJML 5: always awaited; invalid MJML throws. */
export async function renderEmail(branding: Branding, content: EmailContent): Promise<RenderedEmail> {
  const result = await mjml2html(layout(branding, content.preview, content.body), { validationLevel: 'strict', fonts: {} /* no web-font links: system fonts only */ });
  if (result.errors.length > 0) {
    throw new Error(`MJML errors: ${result.errors.map((error) => error.formattedMessage).join('; ')}`);
  }
  const footer = `\n\n--\n${branding.footer || branding.tenantName}\nQuestions? ${branding.supportEmail}`;
  return { subject: content.subject, html: result.html, text: content.text + footer };
}
