import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { testNetworkCredentials } from '../services/payments/test-network-credentials.js';

type Status = 'pending' | 'succeeded' | 'failed' | 'cancelled';

/** A payment as the network keeps it. */
export interface NetworkPayment {
  id: string;
  merchant: string;
  method: 'wallet' | 'voucher';
  status: Status;
  amountMinor: number;
  currency: string;
  orderId: string;
  returnUrl: string | null;
  notifyUrl: string;
  expiresAt: Date | null;
  voucherCode: string | null;
}

/** A refund the network made: money given back of a succeeded payment. */
export interface NetworkRefund {
  id: string;
  merchant: string;
  payment: string;
  amountMinor: number;
  currency: string;
  /** The merchant's Idempotency-Key: a request repeated with it gets this refund again. */
  idempotencyKey: string;
  /** How many requests asked for it (1, unless the merchant retried). */
  requests: number;
}

/** A webhook the network sent (or tried to), and the merchant's answer. */
export interface NetworkDelivery {
  eventId: string;
  type: string;
  payment: string;
  /** The HTTP status of each attempt; 0 when the merchant could not be reached. */
  answers: number[];
}

export interface PaymentNetworkOptions {
  /** The secret shared with the Kiosk server (KIOSK_TEST_PAYMENTS_SECRET). */
  secret: string;
  port?: number;
  /** The network's clock, for voucher expiry (tests move it as they move the server's). */
  now?: () => Date;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** A voucher number as a bank slip prints it: 4 groups of 5 digits and a check group. */
function voucherNumber(): string {
  return Array.from({ length: 4 }, () => String(randomInt(0, 100_000)).padStart(5, '0'))
    .concat(String(randomInt(0, 10)))
    .join(' ');
}

/**
 * A payment network on loopback, for tests and the offline demo: what PayPal/Alipay (a
 * redirect wallet) and Boleto/PIX (a voucher paid later) are to a shop. It has a merchant
 * API (`POST /v1/payments`, `GET /v1/payments/{id}`, `POST /v1/payments/{id}/refunds`
 * with an Idempotency-Key; Bearer the store's API key), its own
 * pages for the shopper — the wallet's approval page (approve, decline, cancel) and the
 * voucher's page (pay it, as a bank would) — and it tells the merchant of each outcome with
 * a Standard Webhooks–signed POST to the payment's notify URL, retried until a 2xx or 4xx.
 * Each store's keys derive from the shared secret (test-network-credentials.ts), as a
 * platform's connected accounts. Exported like TestPushService, for the demo and the tests.
 */
export class TestPaymentNetwork {
  readonly payments = new Map<string, NetworkPayment>();
  readonly deliveries: NetworkDelivery[] = [];
  readonly refunds: NetworkRefund[] = [];
  /** While true the merchant API answers 503, as a provider in an outage (tests set it). */
  unavailable = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly secret: string,
    private readonly now: () => Date,
  ) {}

  /** Starts on 127.0.0.1 (a free port unless given). */
  static async start(options: PaymentNetworkOptions): Promise<TestPaymentNetwork> {
    let network: TestPaymentNetwork | undefined;
    const server = createServer((req, res) => {
      network!.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    network = new TestPaymentNetwork(
      server,
      `http://127.0.0.1:${port}`,
      options.secret,
      options.now ?? (() => new Date()),
    );
    return network;
  }

  /** The configuration the Kiosk server takes to reach this network. */
  get config() {
    return { url: this.origin, secret: this.secret };
  }

  /** The latest payment started (tests act on it as the shopper would). */
  latest(): NetworkPayment | undefined {
    return [...this.payments.values()].at(-1);
  }

  /** The status the merchant API reports: a voucher unpaid past its expiry is expired. */
  statusOf(p: NetworkPayment): Status | 'expired' {
    if (p.status === 'pending' && p.expiresAt && p.expiresAt <= this.now()) return 'expired';
    return p.status;
  }

  /**
   * The shopper's (or the bank's) action on a payment, as the network's pages do it:
   * approve/decline/cancel a wallet payment, pay a voucher. A payment no longer pending
   * (or an expired voucher) is left as it is. With `deliver: false` the webhook is only
   * returned, for a test to deliver when it chooses (`deliver`).
   */
  async act(
    id: string,
    action: 'approve' | 'decline' | 'cancel' | 'pay',
    options: { deliver?: boolean } = {},
  ): Promise<{ payment: NetworkPayment; event?: NetworkDelivery }> {
    const p = this.payments.get(id);
    if (!p) throw new Error(`no payment ${id}`);
    const wallet = p.method === 'wallet';
    const allowed = wallet ? action !== 'pay' : action === 'pay';
    if (!allowed || this.statusOf(p) !== 'pending') return { payment: p };
    p.status =
      action === 'approve' || action === 'pay'
        ? 'succeeded'
        : action === 'decline'
          ? 'failed'
          : 'cancelled';
    const event: NetworkDelivery = {
      eventId: `evt_${randomUUID()}`,
      type: `payment.${p.status}`,
      payment: p.id,
      answers: [],
    };
    this.deliveries.push(event);
    if (options.deliver !== false) this.track(this.deliverWithRetries(event));
    return { payment: p, event };
  }

  /** Sends one event's webhook once (again: a replay); the merchant's HTTP status. */
  async deliver(event: NetworkDelivery, options: { secret?: string } = {}): Promise<number> {
    const p = this.payments.get(event.payment)!;
    const secret = options.secret ?? testNetworkCredentials(this.secret, p.merchant).webhookSecret;
    const body = JSON.stringify({
      id: event.eventId,
      type: event.type,
      created_at: new Date().toISOString(),
      data: { payment: p.id, order_id: p.orderId },
    });
    // Signed with the real time: the receiver checks it against its own clock.
    const signedAt = new Date();
    const signature = new Webhook(secret).sign(event.eventId, signedAt, body);
    let status = 0;
    try {
      const res = await fetch(p.notifyUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': event.eventId,
          'webhook-timestamp': String(Math.floor(signedAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      await res.body?.cancel();
    } catch {
      status = 0;
    }
    event.answers.push(status);
    return status;
  }

  /** Waits for the webhooks being sent. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  async close(): Promise<void> {
    await this.idle();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(promise: Promise<unknown>) {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  /** A 2xx is delivered and a 4xx is the merchant's final word; others are retried a few times. */
  private async deliverWithRetries(event: NetworkDelivery) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const status = await this.deliver(event);
      if (status >= 200 && status < 500) return;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', this.origin);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] === 'v1' && this.unavailable) {
      return json(res, 503, { error: 'service_unavailable' });
    }
    if (req.method === 'POST' && url.pathname === '/v1/payments') return this.create(req, res);
    if (
      req.method === 'POST' &&
      parts[0] === 'v1' &&
      parts[1] === 'payments' &&
      parts[3] === 'refunds' &&
      parts.length === 4
    ) {
      return this.refund(req, res, parts[2]!);
    }
    if (req.method === 'GET' && parts[0] === 'v1' && parts[1] === 'payments' && parts[2]) {
      const p = this.payments.get(parts[2]);
      if (!p || !this.authorized(req, p.merchant)) return json(res, 404, { error: 'not_found' });
      return json(res, 200, this.toJson(p));
    }
    if ((parts[0] === 'pay' || parts[0] === 'vouchers') && parts[1] && parts.length === 2) {
      const p = this.payments.get(parts[1]);
      const method = parts[0] === 'pay' ? 'wallet' : 'voucher';
      if (!p || p.method !== method) return page(res, 404, 'Not found', '<p>No such payment.</p>');
      if (req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req));
        const action = form.get('action');
        if (
          action === 'approve' ||
          action === 'decline' ||
          action === 'cancel' ||
          action === 'pay'
        ) {
          await this.act(p.id, action);
        }
        if (p.method === 'wallet' && p.returnUrl) {
          res.writeHead(303, { location: p.returnUrl }).end();
          return;
        }
      }
      return p.method === 'wallet' ? this.walletPage(res, p) : this.voucherPage(res, p);
    }
    return json(res, 404, { error: 'not_found' });
  }

  private authorized(req: IncomingMessage, merchant: string): boolean {
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${testNetworkCredentials(this.secret, merchant).apiKey}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async create(req: IncomingMessage, res: ServerResponse) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      return json(res, 400, { error: 'invalid_json' });
    }
    const merchant = typeof body.merchant === 'string' ? body.merchant : '';
    if (!merchant || !this.authorized(req, merchant))
      return json(res, 401, { error: 'unauthorized' });
    const method = body.method;
    const amount = body.amount_minor;
    const httpUrl = (v: unknown) => typeof v === 'string' && /^https?:\/\//.test(v);
    const expiresAt = typeof body.expires_at === 'string' ? new Date(body.expires_at) : null;
    if (
      (method !== 'wallet' && method !== 'voucher') ||
      !Number.isSafeInteger(amount) ||
      (amount as number) <= 0 ||
      typeof body.currency !== 'string' ||
      typeof body.order_id !== 'string' ||
      !httpUrl(body.notify_url) ||
      (method === 'wallet' && !httpUrl(body.return_url)) ||
      (method === 'voucher' && (!expiresAt || Number.isNaN(expiresAt.getTime())))
    ) {
      return json(res, 400, { error: 'invalid_request' });
    }
    const p: NetworkPayment = {
      id: `pay_${randomUUID()}`,
      merchant,
      method,
      status: 'pending',
      amountMinor: amount as number,
      currency: body.currency,
      orderId: body.order_id,
      returnUrl: method === 'wallet' ? (body.return_url as string) : null,
      notifyUrl: body.notify_url as string,
      expiresAt: method === 'voucher' ? expiresAt : null,
      voucherCode: method === 'voucher' ? voucherNumber() : null,
    };
    this.payments.set(p.id, p);
    return json(res, 201, this.toJson(p));
  }

  /** What was refunded of a payment so far. */
  refundedOf(paymentId: string): number {
    return this.refunds
      .filter((r) => r.payment === paymentId)
      .reduce((sum, r) => sum + r.amountMinor, 0);
  }

  /**
   * Refunds part or all of a succeeded payment: never more than is left of it, and once per
   * Idempotency-Key (the same request again gets the same refund; the key with another
   * request is refused). Checked and written with no await between, so requests at once
   * cannot both take the last of a payment.
   */
  private async refund(req: IncomingMessage, res: ServerResponse, paymentId: string) {
    const p = this.payments.get(paymentId);
    if (!p || !this.authorized(req, p.merchant)) return json(res, 404, { error: 'not_found' });
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0 || key.length > 255) {
      return json(res, 400, { error: 'idempotency_key_required' });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      return json(res, 400, { error: 'invalid_json' });
    }
    const amount = body.amount_minor;
    if (!Number.isSafeInteger(amount) || (amount as number) <= 0) {
      return json(res, 400, { error: 'invalid_request' });
    }
    const seen = this.refunds.find((r) => r.merchant === p.merchant && r.idempotencyKey === key);
    if (seen) {
      if (seen.payment !== p.id || seen.amountMinor !== amount || seen.currency !== body.currency) {
        return json(res, 422, { error: 'idempotency_key_reused' });
      }
      seen.requests += 1;
      return json(res, 200, refundJson(seen));
    }
    if (p.status !== 'succeeded') return json(res, 409, { error: 'payment_not_succeeded' });
    if (body.currency !== p.currency) return json(res, 422, { error: 'currency_mismatch' });
    if (this.refundedOf(p.id) + (amount as number) > p.amountMinor) {
      return json(res, 422, { error: 'amount_exceeds_payment' });
    }
    const refund: NetworkRefund = {
      id: `re_${randomUUID()}`,
      merchant: p.merchant,
      payment: p.id,
      amountMinor: amount as number,
      currency: p.currency,
      idempotencyKey: key,
      requests: 1,
    };
    this.refunds.push(refund);
    return json(res, 201, refundJson(refund));
  }

  private toJson(p: NetworkPayment) {
    return {
      id: p.id,
      method: p.method,
      status: this.statusOf(p),
      amount_minor: p.amountMinor,
      currency: p.currency,
      order_id: p.orderId,
      ...(p.method === 'wallet' ? { redirect_url: `${this.origin}/pay/${p.id}` } : {}),
      ...(p.method === 'voucher'
        ? {
            voucher: {
              code: p.voucherCode,
              url: `${this.origin}/vouchers/${p.id}`,
              expires_at: p.expiresAt!.toISOString(),
            },
          }
        : {}),
    };
  }

  /** The amount as the network's pages show it (exact: Intl formats the decimal string). */
  private amountText(p: NetworkPayment) {
    try {
      const format = new Intl.NumberFormat('en', { style: 'currency', currency: p.currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      const text = String(p.amountMinor).padStart(digits + 1, '0');
      const decimal = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
      return format.format(decimal as `${number}`);
    } catch {
      return `${p.amountMinor} ${p.currency} (minor units)`;
    }
  }

  private walletPage(res: ServerResponse, p: NetworkPayment) {
    const status = this.statusOf(p);
    const body =
      status === 'pending'
        ? `<p>Approve a payment of <strong data-amount>${escapeHtml(this.amountText(p))}</strong>?</p>
<form method="post"><button name="action" value="approve">Approve</button>
<button name="action" value="decline">Decline (insufficient funds)</button>
<button name="action" value="cancel">Cancel and return</button></form>`
        : `<p data-status="${status}">This payment is ${status}.</p>`;
    return page(res, 200, 'Test Wallet', body);
  }

  private voucherPage(res: ServerResponse, p: NetworkPayment) {
    const status = this.statusOf(p);
    const body = `<p>Voucher <strong data-voucher-code>${escapeHtml(p.voucherCode!)}</strong>: ${escapeHtml(this.amountText(p))}, payable until ${escapeHtml(p.expiresAt!.toISOString())}.</p>
${
  status === 'pending'
    ? '<form method="post"><button name="action" value="pay">Pay this voucher (test bank)</button></form>'
    : `<p data-status="${status}">This voucher is ${status === 'succeeded' ? 'paid' : status}.</p>`
}`;
    return page(res, status === 'expired' ? 410 : 200, 'Test Voucher', body);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) req.destroy(new Error('too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function refundJson(r: NetworkRefund) {
  return {
    id: r.id,
    payment: r.payment,
    status: 'succeeded',
    amount_minor: r.amountMinor,
    currency: r.currency,
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function page(res: ServerResponse, status: number, title: string, body: string) {
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; form-action *; base-uri 'none'",
      'cache-control': 'no-store',
    })
    .end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`,
    );
}
