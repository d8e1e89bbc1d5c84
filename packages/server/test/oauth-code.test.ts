import { describe, expect, it } from 'vitest';
import { createTestStore, type TestStore, useTestApp } from './harness.js';
import {
  authParams,
  pkce,
  REDIRECT,
  refresh,
  SHOP,
  signUpAndRedeem,
  submit,
  token,
} from './oauth-fixtures.js';

const t = useTestApp();

describe('POST /oauth/poll: the fallback when the popup lost its opener', () => {
  it('answers pending, then the code exactly once, then nothing', async () => {
    const s = await createTestStore(t.current.db);
    const { verifier, challenge } = pkce();
    const params = authParams(s.pk, challenge, { response_mode: 'web_message' });
    const poll = () =>
      t.current.request('/oauth/poll', {
        body: { client_id: s.pk, state: params.state },
        headers: { origin: SHOP },
      });

    const pending = await poll();
    expect(pending.status).toBe(400);
    expect(pending.body.error).toBe('authorization_pending');

    await submit(t.current, params, {
      intent: 'create',
      email: 'eve@example.com',
      password: 'long enough',
      name: 'Eve',
    });
    const [first, second] = await Promise.all([poll(), poll()]);
    const ready = [first, second].filter((r) => r.status === 200);
    expect(ready).toHaveLength(1);
    expect(ready[0]!.headers.get('access-control-allow-origin')).toBe(SHOP);
    const gone = await poll();
    expect(gone.status).toBe(400);
    expect(gone.body.error).toBe('invalid_request');

    const tokens = await token(t.current, {
      grant_type: 'authorization_code',
      code: ready[0]!.body.code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: s.pk,
    });
    expect(tokens.status).toBe(200);
  });

  it('does not hand out codes of query-mode sign-ins, nor to another store', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const { email } = await signUpAndRedeem(t.current, s);
    const params = authParams(s.pk, pkce().challenge);
    await submit(t.current, params, { email, password: 'correct horse battery' });
    const res = await t.current.request('/oauth/poll', {
      body: { client_id: s.pk, state: params.state },
    });
    expect(res.body.error).toBe('invalid_request');
    const web = authParams(s.pk, pkce().challenge, { response_mode: 'web_message' });
    await submit(t.current, web, { email, password: 'correct horse battery' });
    const foreign = await t.current.request('/oauth/poll', {
      body: { client_id: other.pk, state: web.state },
    });
    expect(foreign.body.error).toBe('authorization_pending');
    const unknown = await t.current.request('/oauth/poll', {
      body: { client_id: 'pk_nope', state: web.state },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid_client');
  });
});

describe('POST /oauth/token: authorization_code', () => {
  async function freshCode(s: TestStore) {
    const { email } = await signUpAndRedeem(t.current, s);
    const { verifier, challenge } = pkce();
    const params = authParams(s.pk, challenge);
    const res = await submit(t.current, params, { email, password: 'correct horse battery' });
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
    return { code, verifier };
  }

  it('refuses a wrong verifier, and the code is spent', async () => {
    const s = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const base = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: s.pk,
    };
    const wrong = await token(t.current, { ...base, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
    const again = await token(t.current, { ...base, code_verifier: verifier });
    expect(again.body.error).toBe('invalid_grant');
  });

  it('refuses a different redirect_uri', async () => {
    const s = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const res = await token(t.current, {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: `${SHOP}/other`,
      client_id: s.pk,
    });
    expect(res.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a reused code and revokes the tokens the first use got', async () => {
    const s = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const body = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
      client_id: s.pk,
    };
    const first = await token(t.current, body);
    expect(first.status).toBe(200);
    const second = await token(t.current, body);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invalid_grant');
    const refreshed = await refresh(t.current, s.pk, first.body.refresh_token);
    expect(refreshed.body.error).toBe('invalid_grant');
  });

  it('refuses an expired code, and a code of another store', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db);
    const { code, verifier } = await freshCode(s);
    const body = {
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    };
    const foreign = await token(t.current, { ...body, client_id: other.pk });
    expect(foreign.body.error).toBe('invalid_grant');
    t.current.advanceClock(11 * 60 * 1000);
    const expired = await token(t.current, { ...body, client_id: s.pk });
    expect(expired.body.error).toBe('invalid_grant');
  });

  it('answers malformed requests with RFC 6749 errors', async () => {
    const s = await createTestStore(t.current.db);
    const cases: [Record<string, string>, string][] = [
      [{ grant_type: 'password', client_id: s.pk }, 'unsupported_grant_type'],
      [{ client_id: s.pk }, 'invalid_request'],
      [{ grant_type: 'authorization_code' }, 'invalid_request'],
      [{ grant_type: 'authorization_code', client_id: 'pk_nope' }, 'invalid_client'],
      [{ grant_type: 'authorization_code', client_id: s.pk, code: 'x' }, 'invalid_request'],
      [
        {
          grant_type: 'authorization_code',
          client_id: s.pk,
          code: 'x',
          redirect_uri: REDIRECT,
          code_verifier: 'short',
        },
        'invalid_request',
      ],
    ];
    for (const [body, error] of cases) {
      const res = await token(t.current, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error, JSON.stringify(body)).toBe(error);
      expect(typeof res.body.error_description).toBe('string');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const text = await t.current.request('/oauth/token', {
      body: 'grant_type=refresh_token',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.body.error).toBe('invalid_request');
    const badJson = await t.current.request('/oauth/token', { body: '{' });
    expect(badJson.body.error).toBe('invalid_request');
    const dup = await t.current.request('/oauth/token', {
      body: `grant_type=refresh_token&client_id=${s.pk}&client_id=${s.pk}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(dup.body.error).toBe('invalid_request');
  });

  it('refuses token requests from an origin the store does not allow', async () => {
    const s = await createTestStore(t.current.db);
    const other = await createTestStore(t.current.db, {
      allowedOrigins: ['https://other.example'],
    });
    const res = await refresh(t.current, s.pk, 'krt_x', { origin: 'https://other.example' });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('invalid_client');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(other).toBeDefined();
  });
});
