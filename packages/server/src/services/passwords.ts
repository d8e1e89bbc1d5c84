import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { hash, type Options, parseOptions, verify } from '@node-rs/argon2';

/**
 * Password hashing with argon2id at OWASP's minimum (m=19 MiB, t=2, p=1; see
 * docs/decisions/004-password-hashing.md). The stored string is the PHC form
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), which carries its parameters, so they
 * can be raised later: `needsRehash` tells sign-in to store a stronger hash once the
 * password is known again. Hashes of the first release, `scrypt$15$8$1$<salt>$<hash>`, still
 * verify and are replaced on the next sign-in.
 */
export const ARGON2ID_MINIMUM = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT: Options = {
  // Algorithm.Argon2id: the package's enums are `const enum`s, which isolatedModules cannot read.
  algorithm: 2,
  ...ARGON2ID_MINIMUM,
  outputLen: 32,
};

/** Passwords longer than this are refused before hashing (they only cost us CPU). */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 8;

/** NFKC: the same password typed on two keyboards must give the same hash. */
function normalize(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalize(password), CURRENT);
}

// --- Legacy scrypt hashes (verify only) ------------------------------------------------

interface ScryptHash {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseScrypt(stored: string): ScryptHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![log2N, r, p].every((n) => Number.isInteger(n) && n > 0) || log2N > 22 || r > 32) {
    return null;
  }
  const key = Buffer.from(parts[5]!, 'base64url');
  if (key.length < 16) return null;
  return { log2N, r, p, salt: Buffer.from(parts[4]!, 'base64url'), key };
}

function verifyScrypt(password: string, stored: ScryptHash): Promise<boolean> {
  const N = 2 ** stored.log2N;
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N=2^15.
  const options: ScryptOptions = { N, r: stored.r, p: stored.p, maxmem: 256 * N * stored.r };
  return new Promise((resolve, reject) => {
    scrypt(normalize(password), stored.salt, stored.key.length, options, (err, key) =>
      err ? reject(err) : resolve(timingSafeEqual(key, stored.key)),
    );
  });
}

// --- Verify and rehash -----------------------------------------------------------------

/** A current hash of nothing anyone can type, to spend the same time when there is no account. */
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash (constant-time comparison inside both
 * algorithms). With no hash (unknown email, single-sign-on-only customer) it still does the
 * work of a current hash, so timing does not reveal accounts.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, normalize(password));
    return false;
  }
  const legacy = parseScrypt(stored);
  if (legacy) return verifyScrypt(password, legacy);
  if (!stored.startsWith('$argon2id$')) return false;
  try {
    return await verify(stored, normalize(password));
  } catch {
    // A malformed stored hash matches nothing.
    return false;
  }
}

/** True when the stored hash is weaker than what hashPassword makes now (or not ours). */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith('$argon2id$')) return true;
  try {
    const params = parseOptions(stored);
    return (
      params.memoryCost < ARGON2ID_MINIMUM.memoryCost ||
      params.timeCost < ARGON2ID_MINIMUM.timeCost ||
      params.outputLen < 32 ||
      params.saltLen < 16
    );
  } catch {
    return true;
  }
}
