import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';
import { createMailer, type Mailer } from '../src/mail/mailer.js';
import type { ApiResponse, TestApp } from './harness.js';
import { authParams, pkce, REDIRECT } from './oauth-fixtures.js';

/** A real SMTP server on loopback and the mail it received, parsed by mailparser. */
export interface Mailbox {
  mailer: Mailer;
  received: ParsedMail[];
  /** The next mail to `to` (waits for it: SMTP accepts before the parser is done). */
  next(to: string): Promise<ParsedMail>;
  /** Waits for mail in flight, then how many mails `to` got. */
  count(to: string): Promise<number>;
  close(): Promise<void>;
}

export async function openMailbox(): Promise<Mailbox> {
  const received: ParsedMail[] = [];
  const taken = new Set<ParsedMail>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const mailer = createMailer({
    url: `smtp://127.0.0.1:${port}`,
    from: 'Kiosk Shop <no-reply@shop.example>',
  });
  const to = (mail: ParsedMail, address: string) =>
    (Array.isArray(mail.to) ? mail.to : [mail.to]).some((a) =>
      a?.value.some((v) => v.address === address),
    );
  return {
    mailer,
    received,
    async next(address) {
      for (let i = 0; i < 100; i++) {
        const mail = received.find((m) => !taken.has(m) && to(m, address));
        if (mail) {
          taken.add(mail);
          return mail;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no mail to ${address}`);
    },
    async count(address) {
      await new Promise((r) => setTimeout(r, 200));
      return received.filter((m) => to(m, address)).length;
    },
    async close() {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// --- The hosted page as a browser drives it ------------------------------------------

/** An authorization request's parameters (its PKCE verifier beside them), popup mode unless told. */
export function authorizationRequest(pk: string, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  return {
    params: authParams(pk, challenge, { response_mode: 'web_message', ...extra }),
    verifier,
  };
}

/** A hosted form's POST from the server's own page. */
export function postPage(app: TestApp, path: string, fields: Record<string, string>, ip?: string) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    ...(ip ? { ip } : {}),
  });
}

/** An attribute of the page's element with this id or hidden field name. */
export function fieldValue(page: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
}

export function dataAttribute(page: string, name: string): string | undefined {
  return new RegExp(`data-${name}="([^"]*)"`).exec(page)?.[1];
}

/** The 6-digit code and the magic link of a mail. */
export function codeOf(mail: ParsedMail): { code: string; link: string } {
  const code = /^\d{6}$/m.exec(mail.text ?? '')?.[0];
  const link = /https?:\/\/\S+\/oauth\/email-code\/link\?token=\S+/.exec(mail.text ?? '')?.[0];
  expect(code).toBeDefined();
  expect(link).toBeDefined();
  return { code: code!, link: link! };
}

/** The token request the SDK makes with the code the page handed out. */
export function redeem(app: TestApp, pk: string, code: string, verifier: string) {
  return app.request('/oauth/token', {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: pk,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }) as Promise<ApiResponse>;
}
