// The catalog's change notices arrive on one LISTEN connection per instance (src/db/listener.ts).
// A relay in front of PostgreSQL cuts that connection as a restart or a network would: the
// listener says notices were lost (the cache then forgets everything), listens again by itself,
// says so once more, and receives the notices sent after that.
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { isPostgresUrl } from '../src/db/index.js';
import { listenPostgres } from '../src/db/listener.js';
import { createLogger } from '../src/log.js';
import { type Relay, startRelay } from './relay.js';

const databaseUrl = inject('databaseUrl');

/** Polls `check` until it holds, for at most `ms`. */
async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
}

// PGlite's notices stay in the process: there is no connection to lose.
describe.skipIf(!isPostgresUrl(databaseUrl))('the LISTEN connection', () => {
  let relay: Relay | undefined;
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    await relay?.close();
    stop = relay = undefined;
  });

  it('reports the gap when it is cut, listens again by itself and receives what follows', async () => {
    const target = new URL(databaseUrl);
    relay = await startRelay({ host: target.hostname, port: Number(target.port || 5432) });
    const viaRelay = new URL(databaseUrl);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(relay.port);
    const channel = `kiosk_test_${process.pid}`;
    const messages: string[] = [];
    let gaps = 0;
    const logs: string[] = [];
    stop = await listenPostgres(
      viaRelay.toString(),
      channel,
      { onMessage: (m) => messages.push(m), onGap: () => gaps++ },
      createLogger('warn', (l) => logs.push(l)),
      1000,
    );
    const notify = async (payload: string) => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query('select pg_notify($1, $2)', [channel, payload]);
      await client.end();
    };

    await notify('one');
    expect(await until(() => messages.includes('one'))).toBe(true);

    relay.cut();
    expect(await until(() => gaps === 1)).toBe(true);
    await notify('lost'); // nobody listens: this one is gone, which the gap stood for
    relay.restore();
    // Listening again (a retry a second later) is a second gap: what was sent meanwhile is lost.
    expect(await until(() => gaps === 2)).toBe(true);
    await notify('two');
    expect(await until(() => messages.includes('two'))).toBe(true);
    expect(messages).toEqual(['one', 'two']);
    expect(logs.some((l) => l.includes('database notices lost'))).toBe(true);
  });
});
