import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { customers } from '../src/db/schema/index.js';
import { purgeSignInChallengesJob } from '../src/jobs/purge-sign-in-challenges.js';
import { registerCustomer } from '../src/services/customers.js';
import { createTestApp, createTestStore, runJob, type TestApp, type TestStore } from './harness.js';
import {
  authorizationRequest,
  codeOf,
  dataAttribute,
  fieldValue,
  type Mailbox,
  openMailbox,
  postPage,
  redeem,
} from './mailbox.js';
import { REDIRECT } from './oauth-fixtures.js';

let mailbox: Mailbox;
let t: TestApp;
let s: TestStore;

beforeAll(async () => {
  mailbox = await openMailbox();
});
afterAll(() => mailbox.close());
beforeEach(async () => {
  t = await createTestApp({ mailer: mailbox.mailer });
  s = await createTestStore(t.db, { name: 'Aurora' });
});

/** "Email me a sign-in code" (or a reset code) on the hosted page: the code page. */
async function askForCode(
  email: string,
  request = authorizationRequest(s.pk),
  purpose: 'signin' | 'reset' = 'signin',
  ip?: string,
) {
  const page = await postPage(t, '/oauth/email-code', { ...request.params, purpose, email }, ip);
  return { page, request, id: fieldValue(page.body, 'id') };
}

function enterCode(
  request: ReturnType<typeof authorizationRequest>,
  id: string,
  code: string,
  extra: Record<string, string> = {},
) {
  return postPage(t, '/oauth/email-code/verify', {
    ...request.params,
    id,
    code,
    purpose: 'signin',
    ...extra,
  });
}

const linkPath = (link: string) => link.replace('http://localhost', '');

describe('emailed sign-in code', () => {
  it('is offered on the sign-in page only with mail configured and the method on', async () => {
    const { params } = authorizationRequest(s.pk);
    const page = await t.request(`/oauth/authorize?${new URLSearchParams(params)}`);
    expect(page.body).toContain('Email me a sign-in code');
    expect(page.body).toContain('Forgot password?');

    const noMail = await createTestApp({ resetDatabase: false });
    const plain = await noMail.request(`/oauth/authorize?${new URLSearchParams(params)}`);
    expect(plain.status).toBe(200);
    expect(plain.body).not.toContain('/oauth/email-code');
    const refused = await postPage(noMail, '/oauth/email-code', { ...params, email: 'a@b.co' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('This shop does not offer emailed codes.');
  });

  it('signs a new address up with the code from the mail (translated, RFC 5322 headers)', async () => {
    const email = 'new.shopper@example.com';
    const request = authorizationRequest(s.pk, { ui_locales: 'fr' });
    const { page, id } = await askForCode(email, request);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Si cette adresse peut se connecter');

    const mail = await mailbox.next(email);
    const { code, link } = codeOf(mail);
    expect(mail.subject).toBe(`${code} est votre code de connexion à Aurora`);
    expect(mail.from?.text).toBe('"Kiosk Shop" <no-reply@shop.example>');
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.headers.get('content-language')).toBe('fr');
    expect(mail.html).toContain(code);
    expect(mail.html).toContain(link.replace(/&/g, '&amp;'));

    const done = await enterCode(request, id!, code);
    expect(done.status).toBe(200);
    const res = await redeem(t, s.pk, dataAttribute(done.body, 'code')!, request.verifier);
    expect(res.status).toBe(200);
    const [customer] = await t.db.select().from(customers).where(eq(customers.email, email));
    expect(customer).toMatchObject({ name: 'new.shopper', passwordHash: null });
    // Neither the code nor the link's token is ever logged.
    const logs = t.logs.join('\n');
    expect(logs).not.toContain(code);
    expect(logs).not.toContain(link.split('token=')[1]);
  });

  it('signs in with the magic link; opened in another tab, the popup gets the code by polling', async () => {
    const email = 'ann@example.com';
    const request = authorizationRequest(s.pk);
    const { page } = await askForCode(email, request);
    // The code page tells the opener the sign-in may end elsewhere (through this link), so a
    // popup closed meanwhile is not taken for a cancelled sign-in.
    expect(page.body).toMatch(/<div id="kiosk-popup" hidden [^>]*data-away>/);
    const { link } = codeOf(await mailbox.next(email));

    const opened = await t.request(linkPath(link));
    expect(opened.status).toBe(200);
    expect(dataAttribute(opened.body, 'code')).toBeDefined();
    const polled = await t.request('/oauth/poll', {
      body: { client_id: s.pk, state: request.params.state },
      headers: { origin: 'https://shop.example' },
    });
    expect(polled.status).toBe(200);
    expect((await redeem(t, s.pk, polled.body.code, request.verifier)).status).toBe(200);

    const again = await t.request(linkPath(link));
    expect(again.status).toBe(400);
    expect(again.body).toContain('This link has expired or was already used.');
  });

  it('answers a query-mode request with a redirect to the client', async () => {
    const email = 'bo@example.com';
    const request = authorizationRequest(s.pk, { response_mode: 'query' });
    const { id } = await askForCode(email, request);
    const { code } = codeOf(await mailbox.next(email));
    const done = await enterCode(request, id!, code);
    expect(done.status).toBe(302);
    const location = new URL(done.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe(request.params.state);
  });

  it('works once: a replayed code and the spent code’s link are refused', async () => {
    const email = 'cy@example.com';
    const { request, id } = await askForCode(email);
    const { code, link } = codeOf(await mailbox.next(email));
    expect((await enterCode(request, id!, code)).status).toBe(200);
    const replay = await enterCode(request, id!, code);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('This code is not correct, has expired or was already used.');
    expect((await t.request(linkPath(link))).status).toBe(400);
  });

  it('expires after 10 minutes, and the purge job deletes it then', async () => {
    const email = 'di@example.com';
    const { request, id } = await askForCode(email);
    const { code } = codeOf(await mailbox.next(email));
    expect(await runJob(t, purgeSignInChallengesJob)).toBe(0);
    t.advanceClock(10 * 60 * 1000 + 1000);
    expect((await enterCode(request, id!, code)).status).toBe(400);
    expect(await runJob(t, purgeSignInChallengesJob)).toBe(1);
  });

  it('ends after 5 wrong codes, the right one included afterwards', async () => {
    const email = 'ed@example.com';
    const { request, id } = await askForCode(email);
    const { code } = codeOf(await mailbox.next(email));
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      expect((await enterCode(request, id!, wrong)).status).toBe(400);
    }
    expect((await enterCode(request, id!, code)).status).toBe(400);
  });

  it('is rate limited per address and per client address (429, translated)', async () => {
    const email = 'flo@example.com';
    for (let i = 0; i < 5; i++) {
      expect((await askForCode(email, undefined, 'signin', `10.0.0.${i + 1}`)).page.status).toBe(
        200,
      );
    }
    const limited = await askForCode(email, undefined, 'signin', '10.0.0.9');
    expect(limited.page.status).toBe(429);
    expect(limited.page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await mailbox.count(email)).toBe(5);

    for (let i = 0; i < 10; i++) {
      const other = `shopper${i}@example.com`;
      expect((await askForCode(other, undefined, 'signin', '10.1.1.1')).page.status).toBe(200);
    }
    const byIp = await askForCode('one-more@example.com', undefined, 'signin', '10.1.1.1');
    expect(byIp.page.status).toBe(429);
    expect(byIp.page.body).toContain('Too many attempts.');
  });
});

describe('password reset through the emailed code', () => {
  async function withPassword(email: string) {
    await registerCustomer(
      t.db,
      s.store.id,
      { email, name: 'Gus', password: 'old password 1' },
      t.now(),
    );
  }

  it('never tells whether the address has an account: same page, mail only to the account', async () => {
    await withPassword('gus@example.com');
    const known = await askForCode('gus@example.com', undefined, 'reset');
    const unknown = await askForCode('nobody@example.com', undefined, 'reset');
    expect(unknown.page.status).toBe(known.page.status);
    const strip = (body: string) =>
      body
        .replace(/(value|data-state)="[^"]*"/g, '')
        .replace(/gus@example\.com|nobody@example\.com/g, '');
    expect(strip(unknown.page.body)).toBe(strip(known.page.body));
    expect(await mailbox.count('gus@example.com')).toBe(1);
    expect(await mailbox.count('nobody@example.com')).toBe(0);
    // A sign-in code goes to both: the unknown address gets its account on verification.
    await askForCode('nobody@example.com');
    expect(await mailbox.count('nobody@example.com')).toBe(1);
  });

  it('sets a new password with the code, and signs in', async () => {
    const email = 'hal@example.com';
    await withPassword(email);
    const page = await t.request(
      `/oauth/email-code/reset?${new URLSearchParams(authorizationRequest(s.pk).params)}`,
    );
    expect(page.body).toContain('Reset your password');
    const { request, id } = await askForCode(email, undefined, 'reset');
    const { code } = codeOf(await mailbox.next(email));
    const short = await enterCode(request, id!, code, { purpose: 'reset', password: 'short' });
    expect(short.status).toBe(400);
    const done = await enterCode(request, id!, code, {
      purpose: 'reset',
      password: 'new password 2',
    });
    expect(done.status).toBe(200);
    expect(dataAttribute(done.body, 'code')).toBeDefined();

    const signin = (password: string) =>
      postPage(t, '/oauth/authorize', {
        ...authorizationRequest(s.pk).params,
        intent: 'signin',
        email,
        password,
      });
    expect((await signin('old password 1')).status).toBe(401);
    expect((await signin('new password 2')).status).toBe(200);
  });

  it('sets a new password through the magic link', async () => {
    const email = 'ida@example.com';
    await withPassword(email);
    await askForCode(email, undefined, 'reset');
    const { link } = codeOf(await mailbox.next(email));
    const form = await t.request(linkPath(link));
    expect(form.status).toBe(200);
    expect(form.body).toContain('New password');
    const token = fieldValue(form.body, 'token')!;
    const done = await postPage(t, '/oauth/email-code/link', { token, password: 'new password 3' });
    expect(done.status).toBe(200);
    expect(dataAttribute(done.body, 'code')).toBeDefined();
    expect(
      (await postPage(t, '/oauth/email-code/link', { token, password: 'x'.repeat(9) })).status,
    ).toBe(400);
  });
});

describe('a store without passwords', () => {
  it('shows no password form and refuses password posts (400, translated)', async () => {
    const off = await createTestStore(t.db, { settings: { signInMethods: { password: false } } });
    const { params } = authorizationRequest(off.pk, { ui_locales: 'de' });
    const page = await t.request(`/oauth/authorize?${new URLSearchParams(params)}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('type="password"');
    expect(page.body).toContain('Anmeldecode per E-Mail senden');

    const [customer] = await Promise.all([
      registerCustomer(
        t.db,
        off.store.id,
        { email: 'jo@example.com', name: 'Jo', password: 'long password' },
        t.now(),
      ),
    ]);
    expect(customer).not.toBeNull();
    const post = await postPage(t, '/oauth/authorize', {
      ...params,
      intent: 'signin',
      email: 'jo@example.com',
      password: 'long password',
    });
    expect(post.status).toBe(400);
    expect(post.body).toContain('Dieser Shop verwendet keine Passwörter.');
    // No password to reset: a reset request mails a sign-in code.
    await postPage(t, '/oauth/email-code', {
      ...params,
      purpose: 'reset',
      email: 'jo@example.com',
    });
    expect((await mailbox.next('jo@example.com')).subject).toContain('Anmeldecode');
  });
});
