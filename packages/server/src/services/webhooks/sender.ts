import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { publicOnlyLookup } from './endpoint-url.js';
import type { AttemptOutcome } from './outbox.js';

/** A receiver has this long to answer (connect, send, status line) before the attempt fails. */
export const SEND_TIMEOUT_MS = 10_000;

export interface WebhookRequest {
  url: string;
  secret: string;
  messageId: string;
  body: string;
  /** Live stores connect only to public addresses (their test stores may use loopback). */
  publicOnly: boolean;
  /** The signature's time: the receiver checks it against its own clock (replay window). */
  signedAt: Date;
  timeoutMs?: number;
}

/**
 * POSTs one signed message (Standard Webhooks headers) and says how it went. A 2xx is
 * delivered; a redirect is not followed (it is a failure: the URL is the merchant's to fix);
 * the response body is never read. Errors are short codes, never the body or the secret.
 */
export function sendWebhook(req: WebhookRequest): Promise<AttemptOutcome> {
  const signature = new Webhook(req.secret).sign(req.messageId, req.signedAt, req.body);
  const url = new URL(req.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(req.body),
          'user-agent': 'Kiosk-Webhooks/1',
          'webhook-id': req.messageId,
          'webhook-timestamp': String(Math.floor(req.signedAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        signal: AbortSignal.timeout(req.timeoutMs ?? SEND_TIMEOUT_MS),
        ...(req.publicOnly ? { lookup: publicOnlyLookup } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.destroy();
        const ok = status >= 200 && status < 300;
        done({ ok, status, error: ok ? null : `http_${status}` });
      },
    );
    outgoing.on('error', (err: NodeJS.ErrnoException) => {
      const error =
        err.name === 'AbortError' || err.name === 'TimeoutError'
          ? 'timeout'
          : err.code === 'EADDRNOTPUBLIC'
            ? 'address_not_public'
            : (err.code ?? 'network_error').toLowerCase();
      done({ ok: false, status: null, error });
    });
    outgoing.end(req.body);
  });
}
