import { hash, parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  ARGON2ID_MINIMUM,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../src/services/passwords.js';

// The sign-in route's side (a scrypt hash of the first release signs in and is replaced):
// oauth-sign-in.test.ts, "signs in with a first-release scrypt (N=2^15) hash and replaces it".

describe('password hashes', () => {
  it("are argon2id at OWASP's minimum or above (m=19 MiB, t=2, p=1), salted, 32 bytes", async () => {
    const stored = await hashPassword('correct horse battery');
    const params = parseOptions(stored);
    expect(stored.startsWith('$argon2id$v=19$')).toBe(true);
    expect(params.algorithm).toBe(2); // Argon2id
    expect(params.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
    expect(params.timeCost).toBeGreaterThanOrEqual(2);
    expect(params.parallelism).toBeGreaterThanOrEqual(1);
    expect(params.saltLen).toBeGreaterThanOrEqual(16);
    expect(params.outputLen).toBe(32);
    expect(needsRehash(stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  it('verify the password, and nothing else', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batter', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery', null)).toBe(false);
    expect(await verifyPassword('correct horse battery', `${stored.slice(0, -4)}AAAA`)).toBe(false);
    expect(await verifyPassword('correct horse battery', '$argon2id$garbage')).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain text')).toBe(false);
  });

  it('are the same for a password typed in composed or decomposed Unicode (NFKC)', async () => {
    const stored = await hashPassword('Ångström-passwort');
    expect(await verifyPassword('A\u030Angstro\u0308m-passwort', stored)).toBe(true);
  });

  it('need a rehash when weaker than the current parameters, or not argon2id', async () => {
    const weak = await hash('pw', { ...ARGON2ID_MINIMUM, memoryCost: 4096, algorithm: 2 });
    expect(needsRehash(weak)).toBe(true);
    const fewPasses = await hash('pw', { ...ARGON2ID_MINIMUM, timeCost: 1, algorithm: 2 });
    expect(needsRehash(fewPasses)).toBe(true);
    const argon2i = await hash('pw', { ...ARGON2ID_MINIMUM, algorithm: 1 });
    expect(needsRehash(argon2i)).toBe(true);
    expect(
      needsRehash('scrypt$15$8$1$c2FsdHNhbHRzYWx0c2FsdA$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5'),
    ).toBe(true);
    expect(needsRehash('$argon2id$garbage')).toBe(true);
  });
});
