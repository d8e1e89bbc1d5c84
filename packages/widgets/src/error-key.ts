import type { KioskError } from '@kiosk/sdk';

/** Which translation key says what went wrong, for each kind of failure an element tells apart. */
export interface ErrorKeys<K extends string> {
  /** By the error's stable code (checked first). */
  codes?: Partial<Record<string, K>>;
  /** Refused for want of a signed-in customer (HTTP 401, whatever the code). */
  signedOut?: K;
  /** The request never reached the server (offline, a dead host): status 0. */
  network?: K;
  /** Anything else. */
  other: K;
}

/**
 * The translation key for `error`: its code's, else signed out (401), else network (status 0),
 * else `other`. Every element turns errors into messages through this one rule.
 */
export function errorKey<K extends string>(error: KioskError, keys: ErrorKeys<K>): K {
  const byCode = keys.codes?.[error.code];
  if (byCode) return byCode;
  if (keys.signedOut && error.status === 401) return keys.signedOut;
  if (keys.network && error.status === 0) return keys.network;
  return keys.other;
}
