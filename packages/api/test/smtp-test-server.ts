/**
 * A real SMTP server on loopback (`smtp-server` from npm) for delivery tests: it parses what it
 * receives (`mailparser`), and can refuse recipients or the message temporarily (4xx) or for good
 * (5xx), die in the middle of a conversation, or be stopped and started again on the same port to
 * play "mail server down".
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  from: string;
  replyTo: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  raw: ParsedMail;
}

export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /** What the server answers to RCPT TO: accept, or refuse with this code and message. */
  refuse: { code: number; message: string } | null = null;
  /** What it answers once it has the whole message (after DATA): accept, or refuse like this. */
  refuseData: { code: number; message: string } | null = null;
  /**
   * Dies (every connection cut, no answer) in the middle of the next message: `mid-message` while
   * it arrives (nothing kept), `before-reply` once it has it all (kept, but the client never hears).
   */
  dieDuringData: 'mid-message' | 'before-reply' | null = null;
  private server: SMTPServer | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (!this.refuse) return callback();
        const error = new Error(this.refuse.message) as Error & { responseCode: number };
        error.responseCode = this.refuse.code;
        callback(error);
      },
      onData: (stream, _session, callback) => {
        if (this.dieDuringData === 'mid-message') {
          this.dieDuringData = null;
          stream.once('data', () => this.cutConnections());
          stream.resume();
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            if (this.refuseData) {
              const error = new Error(this.refuseData.message) as Error & { responseCode: number };
              error.responseCode = this.refuseData.code;
              return callback(error);
            }
            this.received.push({
              messageId: mail.messageId ?? '',
              from: mail.from?.text ?? '',
              replyTo: mail.replyTo?.text ?? '',
              to: Array.isArray(mail.to) ? mail.to.map((to) => to.text).join(', ') : (mail.to?.text ?? ''),
              subject: mail.subject ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              text: mail.text ?? '',
              raw: mail,
            });
            if (this.dieDuringData === 'before-reply') {
              this.dieDuringData = null;
              return this.cutConnections();
            }
            callback();
          })
          .catch(callback);
      },
    });
    this.server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  private cutConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
