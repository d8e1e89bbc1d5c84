import { createECDH, type ECDH, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { importJWK, jwtVerify } from 'jose';

/** What a browser's `PushSubscription.toJSON()` holds: where to push, and its keys. */
export interface TestPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A push the service accepted, decrypted as the browser would. */
export interface ReceivedPush {
  endpoint: string;
  /** The decrypted payload, parsed (Kiosk sends JSON). */
  payload: Record<string, unknown>;
  /** Web Push headers: TTL, Urgency, Topic (RFC 8030). */
  ttl: number;
  urgency: string | null;
  topic: string | null;
  /** The VAPID key (`k`) that signed it. */
  vapidKey: string;
}

interface Browser {
  ecdh: ECDH;
  auth: string;
}

/**
 * A Web Push service on loopback, for tests and the offline demo (a browser here cannot reach
 * a real one). It does what a push service does with a message: checks the VAPID
 * Authorization (RFC 8292: the JWT signed by the key `k`, for this service's origin, not
 * expired), and — standing in for the browser, whose keys it made — decrypts the aes128gcm
 * body (RFC 8291) with `http_ece` and records the payload. `answer()` makes an endpoint
 * answer 404/410 (subscription gone) or 5xx (service trouble) instead. Exported like
 * TestAuthenticator, so the demo and the browser tests use this same one.
 */
export class TestPushService {
  readonly received: ReceivedPush[] = [];
  /** Pushes refused for a bad VAPID signature or an undecryptable body. */
  readonly rejected: { endpoint: string; reason: string }[] = [];
  private readonly browsers = new Map<string, Browser>();
  private readonly answers = new Map<string, number>();
  private readonly listeners = new Set<(push: ReceivedPush) => void>();
  /** Authorization headers already verified, with their expiry (a sender reuses its JWT). */
  private readonly verified = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  /** Starts on 127.0.0.1 (a free port unless given). */
  static async start(port = 0): Promise<TestPushService> {
    let service: TestPushService | undefined;
    const server = createServer((req, res) => {
      void service!.handle(req, res);
    });
    // A port in use rejects (EADDRINUSE), so the demo can say which port in one line.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port: bound } = server.address() as AddressInfo;
    service = new TestPushService(server, `http://127.0.0.1:${bound}`);
    return service;
  }

  /** A new subscription, as `pushManager.subscribe()` would make it: fresh P-256 keys and secret. */
  subscribe(): TestPushSubscription {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16).toString('base64url');
    const endpoint = `${this.origin}/push/${randomUUID()}`;
    this.browsers.set(endpoint, { ecdh, auth });
    return {
      endpoint,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth },
    };
  }

  /** From now on the endpoint answers `status` (404/410: gone; 500: failing); null: accept again. */
  answer(endpoint: string, status: number | null): void {
    if (status === null) this.answers.delete(endpoint);
    else this.answers.set(endpoint, status);
  }

  /** The pushes that reached one endpoint. */
  pushesTo(endpoint: string): ReceivedPush[] {
    return this.received.filter((p) => p.endpoint === endpoint);
  }

  /** Called with each accepted push (the demo hands it to the page's service worker). */
  onPush(listener: (push: ReceivedPush) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const endpoint = `${this.origin}${req.url ?? ''}`;
    const reply = (status: number) => {
      if (status === 201) res.setHeader('location', `${endpoint}/messages/${randomUUID()}`);
      res.writeHead(status).end();
    };
    const browser = this.browsers.get(endpoint);
    if (req.method !== 'POST' || !browser) return reply(404);
    const forced = this.answers.get(endpoint);
    if (forced) return reply(forced);
    const vapidKey = await this.verifyVapid(req.headers.authorization);
    if (!vapidKey) {
      this.rejected.push({ endpoint, reason: 'vapid' });
      return reply(403);
    }
    let payload: Record<string, unknown>;
    try {
      if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error('encoding');
      const plain = ece.decrypt(Buffer.concat(chunks), {
        version: 'aes128gcm',
        privateKey: browser.ecdh,
        authSecret: browser.auth,
      });
      payload = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
    } catch {
      this.rejected.push({ endpoint, reason: 'payload' });
      return reply(400);
    }
    const push: ReceivedPush = {
      endpoint,
      payload,
      ttl: Number(req.headers.ttl),
      urgency: (req.headers.urgency as string | undefined) ?? null,
      topic: (req.headers.topic as string | undefined) ?? null,
      vapidKey,
    };
    this.received.push(push);
    for (const listener of this.listeners) listener(push);
    reply(201);
  }

  /** RFC 8292 `vapid t=<JWT>, k=<key>`: the key that signed it, or null when it does not hold. */
  private async verifyVapid(header: string | undefined): Promise<string | null> {
    const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
    if (!match) return null;
    const [, jwt, k] = match as unknown as [string, string, string];
    if ((this.verified.get(header!) ?? 0) > Date.now() / 1000) return k;
    const raw = Buffer.from(k, 'base64url');
    if (raw.length !== 65 || raw[0] !== 4) return null;
    try {
      const key = await importJWK(
        {
          kty: 'EC',
          crv: 'P-256',
          x: raw.subarray(1, 33).toString('base64url'),
          y: raw.subarray(33).toString('base64url'),
        },
        'ES256',
      );
      const { payload } = await jwtVerify(jwt, key, {
        algorithms: ['ES256'],
        audience: this.origin,
        requiredClaims: ['exp', 'sub'],
      });
      // RFC 8292 §2: no more than 24 hours ahead.
      if (payload.exp! > Date.now() / 1000 + 24 * 60 * 60) return null;
      this.verified.set(header!, payload.exp!);
      return k;
    } catch {
      return null;
    }
  }
}
