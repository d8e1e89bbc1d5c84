import webpush from 'web-push';
import type { NotificationSubscriptionRow } from '../../db/schema/index.js';
import type { Mail, Mailer } from '../../mail/mailer.js';
import type { VapidKeys } from './vapid-keys.js';

/** How a send ended: sent, the address is gone for good, or a failure worth retrying. */
export type SendOutcome = { ok: true } | { ok: false; gone: boolean; error: string };

/** What kiosk-sw.js receives (spec "Push payload"). */
export interface PushPayload {
  id: string;
  title: string;
  body: string;
  url: string | null;
  image?: string;
  /** The message id: the browser replaces, never stacks, a notification with the same tag. */
  tag: string;
  receipt: { endpoint: string; token: string };
}

export interface PushOptions {
  vapid: VapidKeys;
  /** VAPID `sub`: how the push service's operator reaches the sender (https: or mailto:). */
  subject: string;
  /** Seconds the push service keeps a message for an offline browser. */
  ttlSeconds: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
}

/** A push service that takes longer than this is treated as down (retried later). */
const PUSH_TIMEOUT_MS = 10_000;

/** A VAPID JWT lives 12 hours (RFC 8292 allows 24) and is made anew when less than 1 is left. */
const VAPID_JWT_SECONDS = 12 * 60 * 60;
const VAPID_RENEW_SECONDS = 60 * 60;
const vapidHeaders = new Map<string, { authorization: string; expires: number }>();

/**
 * The VAPID Authorization for a push service (audience = its origin), signed once and reused
 * until near its expiry, as push services allow: signing one per message (ES256) cost more
 * than encrypting it. Real time, not the app's clock: the push service checks `exp` by its own.
 */
function vapidAuthorization(audience: string, options: PushOptions): string {
  const key = `${audience} ${options.subject} ${options.vapid.publicKey}`;
  const now = Math.floor(Date.now() / 1000);
  const cached = vapidHeaders.get(key);
  if (cached && cached.expires - now > VAPID_RENEW_SECONDS) return cached.authorization;
  const expires = now + VAPID_JWT_SECONDS;
  const { Authorization: authorization } = webpush.getVapidHeaders(
    audience,
    options.subject,
    options.vapid.publicKey,
    options.vapid.privateKey,
    'aes128gcm',
    expires,
  );
  vapidHeaders.set(key, { authorization, expires });
  return authorization;
}

/**
 * One Web Push: VAPID-signed (RFC 8292), payload encrypted for the browser's keys (RFC 8291,
 * aes128gcm) by `web-push`, POSTed with fetch. fetch rather than web-push's own https
 * request, so an `http:` endpoint on loopback works too (the tests' and the demo's push
 * service; the subscribe route accepts http only there). The Web Push `Topic` is the
 * message id without dashes (32 URL-safe characters): a push service holding an undelivered
 * message with the same topic replaces it, so a repeated send is not a second notification.
 */
export async function sendPush(
  sub: Pick<NotificationSubscriptionRow, 'address' | 'pushP256dh' | 'pushAuth'>,
  payload: PushPayload,
  options: PushOptions,
): Promise<SendOutcome> {
  if (!sub.pushP256dh || !sub.pushAuth) return { ok: false, gone: true, error: 'push_keys' };
  let request: ReturnType<typeof webpush.generateRequestDetails>;
  try {
    request = webpush.generateRequestDetails(
      { endpoint: sub.address, keys: { p256dh: sub.pushP256dh, auth: sub.pushAuth } },
      JSON.stringify(payload),
      {
        TTL: options.ttlSeconds,
        urgency: options.urgency,
        topic: payload.id.replaceAll('-', ''),
        contentEncoding: 'aes128gcm',
      },
    );
  } catch {
    // Keys the browser never made (wrong length, not on the curve): nothing will ever work.
    return { ok: false, gone: true, error: 'push_keys' };
  }
  const headers = { ...request.headers } as Record<string, string>;
  delete headers['Content-Length'];
  headers.Authorization = vapidAuthorization(new URL(request.endpoint).origin, options);
  let status: number;
  try {
    const res = await fetch(request.endpoint, {
      method: 'POST',
      headers,
      body: request.body as Buffer<ArrayBuffer>,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
  } catch {
    return { ok: false, gone: false, error: 'push_network' };
  }
  if (status >= 200 && status < 300) return { ok: true };
  // RFC 8030 §7.3: 404 / 410, the subscription expired or was removed; never retried.
  if (status === 404 || status === 410) return { ok: false, gone: true, error: `push_${status}` };
  return { ok: false, gone: false, error: `push_${status}` };
}

/** A notification mail: the server's mailer with the message's own id and headers. */
export async function sendEmail(mailer: Mailer, mail: Mail): Promise<SendOutcome> {
  try {
    await mailer.send(mail);
    return { ok: true };
  } catch (error) {
    // A recipient the server refused for good (5xx to RCPT TO) is not worth retrying.
    const code = (error as { responseCode?: number }).responseCode;
    if (code === 550 || code === 551 || code === 553) {
      return { ok: false, gone: true, error: `smtp_${code}` };
    }
    return { ok: false, gone: false, error: code ? `smtp_${code}` : 'smtp_network' };
  }
}
