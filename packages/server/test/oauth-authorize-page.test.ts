import { describe, expect, it } from 'vitest';
import { createTestStore, useTestApp } from './harness.js';
import {
  authorizeUrl,
  authParams,
  dataAttr,
  pkce,
  REDIRECT,
  SELF,
  SHOP,
  submit,
} from './oauth-fixtures.js';

const t = useTestApp();

describe('authorization server metadata (RFC 8414)', () => {
  it('describes the endpoints and what they support', async () => {
    const res = await t.current.request('/.well-known/oauth-authorization-server');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issuer: SELF,
      authorization_endpoint: `${SELF}/oauth/authorize`,
      token_endpoint: `${SELF}/oauth/token`,
      revocation_endpoint: `${SELF}/oauth/revoke`,
      response_types_supported: ['code'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'urn:ietf:params:oauth:grant-type:token-exchange',
      ],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      response_modes_supported: ['query', 'web_message'],
    });
    expect(res.body.ui_locales_supported).toEqual(
      expect.arrayContaining(['en', 'zh-CN', 'es', 'fr', 'de', 'ru', 'pt-BR', 'ar']),
    );
  });

  it('is in the OpenAPI document with the OAuth endpoints', async () => {
    const res = await t.current.request('/openapi.json');
    for (const path of [
      '/.well-known/oauth-authorization-server',
      '/oauth/authorize',
      '/oauth/token',
      '/oauth/revoke',
      '/oauth/poll',
    ]) {
      expect(res.body.paths[path], path).toBeDefined();
    }
  });
});

describe('GET /oauth/authorize: the hosted sign-in page', () => {
  it('renders an accessible form with the OAuth parameters in hidden fields', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk, pkce().challenge);
    const res = await t.current.request(authorizeUrl(params));
    expect(res.status).toBe(200);
    const page: string = res.body;
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain(s.store.name);
    expect(page).toMatch(/<label for="email">Email<\/label>/);
    expect(page).toMatch(/<label for="password">Password<\/label>/);
    // Passkeys are on by default: the browser may offer them in the email field's autofill.
    expect(page).toMatch(/id="email"[^>]*autocomplete="username webauthn"/);
    expect(page).toMatch(/id="password"[^>]*autocomplete="current-password"/);
    expect(page).not.toMatch(/autocomplete="off"|onpaste|onpaste/i);
    expect(page).toContain('role="alert"');
    expect(page).toContain(`name="state" value="${params.state}"`);
    expect(page).toContain(`name="code_challenge" value="${params.code_challenge}"`);
    expect(page).toMatch(/<form id="kiosk-signin" method="post" action="\/oauth\/authorize">/);
    expect(page).toContain('<script src="/assets/signin.js" defer></script>');
    expect(page).not.toMatch(/<script>(?!<)/); // no inline script
    // The toggle to "Create account" is a plain link: keyboard and no-JS friendly.
    expect(page).toMatch(/<a href="\/oauth\/authorize\?[^"]*prompt=create[^"]*">/);
  });

  it('sends the hosted-page security headers, with form-action for the redirect origin', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request(authorizeUrl(authParams(s.pk, pkce().challenge)));
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain(`form-action 'self' ${SHOP}`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('shows the create-account form with prompt=create', async () => {
    const s = await createTestStore(t.current.db);
    const res = await t.current.request(
      authorizeUrl(authParams(s.pk, pkce().challenge, { prompt: 'create' })),
    );
    expect(res.body).toMatch(/<label for="name">Name<\/label>/);
    expect(res.body).toMatch(/id="name"[^>]*autocomplete="name"/);
    expect(res.body).toMatch(/id="password"[^>]*autocomplete="new-password"[^>]*minlength="8"/);
    expect(res.body).toMatch(/aria-describedby="password-hint"/);
    expect(res.body).toContain('name="intent" value="create"');
  });

  it('speaks the ui_locales language, then Accept-Language; Arabic is right-to-left', async () => {
    const s = await createTestStore(t.current.db);
    const ar = await t.current.request(
      authorizeUrl(authParams(s.pk, pkce().challenge, { ui_locales: 'ar' })),
      { headers: { 'accept-language': 'fr' } },
    );
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('كلمة المرور');
    const fr = await t.current.request(authorizeUrl(authParams(s.pk, pkce().challenge)), {
      headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' },
    });
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');
    expect(fr.body).toContain('Mot de passe');
    const zh = await t.current.request(
      authorizeUrl(authParams(s.pk, pkce().challenge, { ui_locales: 'zh-CN' })),
    );
    expect(zh.body).toContain('密码');
  });

  it('escapes the store name and echoed input', async () => {
    const s = await createTestStore(t.current.db, { name: '<img src=x onerror=alert(1)> & "Co"' });
    const params = authParams(s.pk, pkce().challenge);
    const page = await t.current.request(authorizeUrl(params));
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');

    const echoed = await submit(t.current, params, {
      email: '"><script>alert(1)</script>@x.example',
      password: 'whatever-password',
    });
    expect(echoed.status).toBe(401);
    expect(echoed.body).not.toContain('<script>alert(1)</script>');
    expect(echoed.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses an unknown client with an error page, never a redirect', async () => {
    const res = await t.current.request(authorizeUrl(authParams('pk_nope', pkce().challenge)));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.body).toContain('This sign-in link does not work');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses a redirect_uri whose origin the store does not allow exactly', async () => {
    const s = await createTestStore(t.current.db);
    for (const redirect of [
      'https://evil.example/cb',
      'https://shop.example.evil.example/cb',
      'http://shop.example/cb',
      'https://shop.example:8443/cb',
      'https://shop.example/cb#fragment',
      'javascript:alert(1)',
      '/relative',
    ]) {
      const res = await t.current.request(
        authorizeUrl({ ...authParams(s.pk, pkce().challenge), redirect_uri: redirect }),
      );
      expect(res.status, redirect).toBe(400);
      expect(res.headers.get('location'), redirect).toBeNull();
      expect(res.body).toContain('not allowed for this shop');
    }
  });

  it('refuses the plain PKCE method and bad challenges by telling the client (RFC 6749 §4.1.2.1)', async () => {
    const s = await createTestStore(t.current.db);
    const { challenge } = pkce();
    for (const bad of [
      { code_challenge_method: 'plain' },
      { code_challenge: 'too-short' },
      { code_challenge: `${challenge}+/=` },
      { response_type: 'token' },
    ]) {
      const params = { ...authParams(s.pk, challenge), ...bad };
      const res = await t.current.request(authorizeUrl(params));
      expect(res.status, JSON.stringify(bad)).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.origin + location.pathname).toBe(REDIRECT);
      expect(location.searchParams.get('state')).toBe(params.state);
      expect(location.searchParams.get('error')).toMatch(
        /invalid_request|unsupported_response_type/,
      );
      expect(location.searchParams.get('code')).toBeNull();
    }
    const noMethod = authParams(s.pk, challenge) as Record<string, string>;
    delete noMethod.code_challenge_method;
    const res = await t.current.request(authorizeUrl(noMethod));
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('sends request errors to the opener in web_message mode', async () => {
    const s = await createTestStore(t.current.db);
    const params = authParams(s.pk, pkce().challenge, {
      response_mode: 'web_message',
      code_challenge_method: 'plain',
    });
    const res = await t.current.request(authorizeUrl(params));
    expect(res.status).toBe(200);
    expect(dataAttr(res.body, 'error')).toBe('invalid_request');
    expect(dataAttr(res.body, 'origin')).toBe(SHOP);
    expect(dataAttr(res.body, 'state')).toBe(params.state);
    expect(dataAttr(res.body, 'code')).toBeUndefined();
  });

  it('in a popup, tells the opener at its origin only that the page is open', async () => {
    const s = await createTestStore(t.current.db);
    const popup = authParams(s.pk, pkce().challenge, { response_mode: 'web_message' });
    const page: string = (await t.current.request(authorizeUrl(popup))).body;
    const presence = /<div id="kiosk-popup"[^>]*>/.exec(page)?.[0] ?? '';
    expect(dataAttr(presence, 'origin')).toBe(SHOP);
    expect(dataAttr(presence, 'state')).toBe(popup.state);
    expect(presence).not.toContain('data-away');
    expect(page).toContain('<script src="/assets/popup-presence.js" defer></script>');
    const script = await t.current.request('/assets/popup-presence.js');
    expect(script.status).toBe(200);
    expect(script.body).toContain("postMessage({ type: 'kiosk:authorization_pending'");

    // A redirect sign-in has no opener to tell.
    const redirect = authParams(s.pk, pkce().challenge);
    const plain: string = (await t.current.request(authorizeUrl(redirect))).body;
    expect(plain).not.toContain('kiosk-popup');
  });

  it('requires a state of 8 to 512 characters (error page)', async () => {
    const s = await createTestStore(t.current.db);
    for (const state of ['', 'short', 'x'.repeat(513)]) {
      const res = await t.current.request(
        authorizeUrl({ ...authParams(s.pk, pkce().challenge), state }),
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });
});
