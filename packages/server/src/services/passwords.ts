import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The stored string carries
 * its parameters — `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` — so they can be raised later:
 * `needsRehash` tells sign-in to store a stronger hash once the password is known again.
 */
const CURRENT = { log2N: 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

/** Passwords longer than this are refused before hashing (they only cost us CPU). */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 8;

interface Params {
  log2N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that at N=2^15.
    maxmem: 256 * N * params.r,
  };
  return new Promise((resolve, reject) => {
    // NFKC: the same password typed on two keyboards must give the same hash.
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, CURRENT);
  return [
    'scrypt',
    CURRENT.log2N,
    CURRENT.r,
    CURRENT.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

function parse(stored: string): (Params & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [log2N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![log2N, r, p].every((n) => Number.isInteger(n) && n > 0) || log2N > 22) return null;
  return {
    log2N,
    r,
    p,
    salt: Buffer.from(parts[4]!, 'base64url'),
    key: Buffer.from(parts[5]!, 'base64url'),
  };
}

/** A stored hash of nothing anyone can type, to spend the same time when there is no account. */
let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash in constant time. With no hash (unknown email,
 * single-sign-on-only customer) it still does the work, so timing does not reveal accounts.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const parsed = parse(stored ?? (await dummyHash));
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return stored !== null && key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return (
    !parsed ||
    parsed.log2N < CURRENT.log2N ||
    parsed.r < CURRENT.r ||
    parsed.p < CURRENT.p ||
    parsed.key.length < KEY_LENGTH
  );
}
