import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The mail's language (Content-Language). */
  language: string;
  /** Message-ID, `<id@host>`: made by nodemailer when absent. */
  messageId?: string;
  /** More headers (List-Unsubscribe, …). */
  headers?: Record<string, string>;
}

/** Sends the server's mail (sign-in codes, notifications). Absent from the deps: no mail is offered. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailConfig {
  /** smtp:// or smtps:// URL, credentials included (KIOSK_SMTP_URL). */
  url: string;
  /** The From address (KIOSK_MAIL_FROM), e.g. `Shop <no-reply@shop.example>`. */
  from: string;
}

/**
 * The mail settings from the server's options or the environment: none without an SMTP URL;
 * a URL without a From address stops the server at start rather than at the first mail.
 */
export function mailConfig(url: string | undefined, from: string | undefined): MailConfig | null {
  if (!url) return null;
  if (!/^smtps?:\/\//.test(url)) {
    throw new Error('KIOSK_SMTP_URL must be an smtp:// or smtps:// URL.');
  }
  if (!from) throw new Error('KIOSK_MAIL_FROM is required with KIOSK_SMTP_URL.');
  return { url, from };
}

/** nodemailer over SMTP: it writes the Date, Message-ID and MIME headers (RFC 5322, 2045). */
export function createMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.url);
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        headers: {
          'Content-Language': mail.language,
          'Auto-Submitted': 'auto-generated',
          ...mail.headers,
        },
      });
    },
    close: () => transport.close(),
  };
}
