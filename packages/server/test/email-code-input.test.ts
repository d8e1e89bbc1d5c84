import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestStore, type TestApp, type TestStore } from './harness.js';
import { authorizationRequest, dataAttribute, postPage } from './mailbox.js';

/** The emailed code's bad input and faults: a 4xx or 503 with a translated page, never a 500. */
let t: TestApp;
let s: TestStore;
const sent: string[] = [];
let smtpDown = false;

beforeEach(async () => {
  smtpDown = false;
  t = await createTestApp({
    mailer: {
      async send(mail) {
        if (smtpDown) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
        sent.push(mail.to);
      },
      close() {},
    },
  });
  s = await createTestStore(t.db);
});

describe('emailed code: bad input', () => {
  it('refuses junk with 400 and a page', async () => {
    const { params } = authorizationRequest(s.pk);
    const badEmail = await postPage(t, '/oauth/email-code', { ...params, email: 'not-an-email' });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body).toContain('Enter a valid email address.');

    const foreign = await t.request('/oauth/email-code', {
      method: 'POST',
      body: new URLSearchParams({ ...params, email: 'a@example.com' }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
    });
    expect(foreign.status).toBe(400);

    const noRequest = await postPage(t, '/oauth/email-code', { email: 'a@example.com' });
    expect(noRequest.status).toBe(400);

    // With a redirect it can trust, the error goes back to the client, as from every hosted post.
    const plain = await postPage(t, '/oauth/email-code', {
      ...params,
      code_challenge_method: 'plain',
      email: 'a@example.com',
    });
    expect(dataAttribute(plain.body, 'error')).toBe('invalid_request');

    for (const fields of [
      { id: 'x', code: '123456' },
      { id: '00000000-0000-4000-8000-000000000000', code: 'abcdef' },
      { id: '00000000-0000-4000-8000-000000000000', code: '123456' },
    ]) {
      const res = await postPage(t, '/oauth/email-code/verify', { ...params, ...fields });
      expect(res.status).toBe(400);
      expect(res.body).toContain('This code is not correct');
    }

    for (const path of ['/oauth/email-code/link', '/oauth/email-code/link?token=nope']) {
      expect((await t.request(path)).status).toBe(400);
    }
    expect(
      (await postPage(t, '/oauth/email-code/link', { token: 'nope', password: 'long enough' }))
        .status,
    ).toBe(400);
    const junk = await t.request('/oauth/email-code/verify', {
      method: 'POST',
      body: '{"not":"a form"}',
      headers: { origin: 'http://localhost' },
    });
    expect(junk.status).toBe(400);
  });

  it('answers 503 (translated) when the SMTP server is down, and logs no code', async () => {
    smtpDown = true;
    const { params } = authorizationRequest(s.pk, { ui_locales: 'es' });
    const res = await postPage(t, '/oauth/email-code', { ...params, email: 'ana@example.com' });
    expect(res.status).toBe(503);
    expect(res.body).toContain('No pudimos enviar el correo.');
    expect(t.logs.join('\n')).toContain('sign-in mail not sent');
  });
});
