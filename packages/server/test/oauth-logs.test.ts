import { describe, expect, it } from 'vitest';
import { createTestStore, useTestApp } from './harness.js';
import { refresh, signUpAndRedeem } from './oauth-fixtures.js';

const t = useTestApp();

describe('logs', () => {
  it('contain no password, code, verifier or token after a full flow', async () => {
    const s = await createTestStore(t.current.db);
    const { res, code, verifier } = await signUpAndRedeem(t.current, s, 'logged@example.com');
    const refreshed = await refresh(t.current, s.pk, res.body.refresh_token);
    await t.current.request('/v1/customers/me', { key: s.pk, token: refreshed.body.access_token });
    const logs = t.current.logs.join('\n');
    expect(t.current.logs.length).toBeGreaterThan(3);
    for (const secret of [
      'correct horse battery',
      code,
      verifier,
      res.body.access_token,
      res.body.refresh_token,
      refreshed.body.refresh_token,
      refreshed.body.access_token,
    ]) {
      expect(logs).not.toContain(secret);
    }
  });
});
