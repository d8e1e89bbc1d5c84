import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeError, isDatabaseUnavailable } from '../src/db/faults.js';
import { createTestStore, type TestApp, useTestApp } from './harness.js';

const t = useTestApp();
const SELF = 'http://localhost';
const REDIRECT = 'https://shop.example/auth/callback';

/**
 * Makes the database itself refuse inserts into `table` (a CHECK constraint no new row
 * meets), as an unexpected constraint, a trigger or a bad migration would: the write fails
 * at the database, with its parameters in drizzle's error and its row in the server's
 * `detail`. The constraint is dropped afterwards (the schema outlives the test).
 */
async function refusingInserts<T>(app: TestApp, table: string, run: () => Promise<T>) {
  await app.db.execute(
    sql.raw(`alter table ${table} add constraint kiosk_test_refuse check (false) not valid`),
  );
  try {
    return await run();
  } finally {
    await app.db.execute(sql.raw(`alter table ${table} drop constraint kiosk_test_refuse`));
  }
}

function form(app: TestApp, path: string, fields: Record<string, string>) {
  return app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SELF },
  });
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authParams(pk: string, challenge: string) {
  return {
    response_type: 'code',
    response_mode: 'web_message',
    client_id: pk,
    redirect_uri: REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: `state-${randomBytes(8).toString('hex')}`,
  };
}

/** The log lines of failed requests, parsed. */
function errorLines(app: TestApp) {
  return app.logs
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.level === 'error' || l.level === 'warn');
}

describe('error logs carry no parameters, emails, hashes or tokens', () => {
  it('a sign-up whose insert fails at the database', async () => {
    const s = await createTestStore(t.current.db);
    const email = `ann-${randomBytes(4).toString('hex')}@example.com`;
    const password = `secret-${randomBytes(6).toString('hex')}`;
    const name = `Ann ${randomBytes(4).toString('hex')}`;
    const res = await refusingInserts(t.current, 'customers', () =>
      form(t.current, '/oauth/authorize', {
        ...authParams(s.pk, pkce().challenge),
        intent: 'create',
        email,
        password,
        name,
      }),
    );
    // Not an outage: a genuine server error.
    expect(res.status).toBe(500);
    const [line, ...others] = errorLines(t.current);
    expect(others).toEqual([]);
    expect(line).toMatchObject({
      msg: 'unhandled error',
      path: '/oauth/authorize',
      sqlState: '23514',
      table: 'customers',
      constraint: 'kiosk_test_refuse',
    });
    expect(line!.error).toContain('violates check constraint "kiosk_test_refuse"');
    expect(line!.query).toMatch(/^insert into "customers"/);

    const log = t.current.logs.join('\n');
    for (const value of [email, password, name, 'scrypt$', s.store.id, 'Failing row', 'params']) {
      expect(log).not.toContain(value);
    }
  });

  it('a token exchange whose insert fails at the database', async () => {
    const s = await createTestStore(t.current.db);
    const email = `bob-${randomBytes(4).toString('hex')}@example.com`;
    const { verifier, challenge } = pkce();
    const page = await form(t.current, '/oauth/authorize', {
      ...authParams(s.pk, challenge),
      intent: 'create',
      email,
      password: 'correct horse battery',
      name: 'Bob',
    });
    expect(page.status).toBe(200);
    const code = /data-code="([^"]+)"/.exec(page.body)![1]!;

    const res = await refusingInserts(t.current, 'refresh_tokens', () =>
      form(t.current, '/oauth/token', {
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        redirect_uri: REDIRECT,
        client_id: s.pk,
      }),
    );
    expect(res.status).toBe(500);
    expect(errorLines(t.current)).toMatchObject([
      { msg: 'unhandled error', sqlState: '23514', table: 'refresh_tokens' },
    ]);
    const log = t.current.logs.join('\n');
    for (const value of [code, verifier, email, 'scrypt$', s.store.id, 'Failing row', 'params']) {
      expect(log).not.toContain(value);
    }
  });

  it('blanks values PostgreSQL quotes in its own messages, keeps the names', async () => {
    const email = `carol-${randomBytes(4).toString('hex')}@example.com`;
    const err = await t.current.db.execute(sql`select ${email}::uuid`).catch((e: unknown) => e);
    const described = describeError(err);
    expect(described).toMatchObject({
      sqlState: '22P02',
      error: 'invalid input syntax for type uuid: "…"',
    });
    expect(JSON.stringify(described)).not.toContain(email);
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
