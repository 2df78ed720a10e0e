import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  replyTo: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable across retries: a receiver that got the message before a crash can drop the copy. */
  messageId: string;
}

/** Where delivery hands emails: an SMTP server, or (development without SMTP) nowhere: captured. */
export interface Mailer {
  readonly kind: 'smtp' | 'capture';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** A 5xx answer: the server refused this message for good; retrying will not help. */
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export function createMailer(smtpUrl: string | undefined): Mailer {
  if (!smtpUrl) return { kind: 'capture', send: async () => {}, close: () => {} };
  // A mail server that hangs must not hold a delivery run (and its claims) for minutes.
  const url = new URL(smtpUrl);
  for (const [name, value] of [['connectionTimeout', '10000'], ['greetingTimeout', '10000'], ['socketTimeout', '30000']] as const) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, value);
  }
  const transport: Transporter = nodemailer.createTransport(url.toString());
  return {
    kind: 'smtp',
    async send(email) {
      try {
        await transport.sendMail({ ...email, headers: { 'Auto-Submitted': 'auto-generated' } });
      } catch (error) {
        const { responseCode, message } = error as { responseCode?: number; message: string };
        throw new DeliveryError(message.slice(0, 500), typeof responseCode === 'number' && responseCode >= 500);
      }
    },
    close: () => transport.close(),
  };
}
