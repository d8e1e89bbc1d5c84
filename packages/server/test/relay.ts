import { createConnection, createServer, type Socket } from 'node:net';

/**
 * A loopback TCP relay between a server under test and PostgreSQL, to break the database
 * the way networks and failovers do without touching the shared PostgreSQL:
 * - `cut()`: every connection is reset, and new ones are reset as they arrive (a database
 *   that restarted or went away);
 * - `stall()`: connections stay open but nothing is forwarded either way, new ones
 *   included (a hung server, a black-holed network);
 * - `restore()`: forwards again (stalled bytes flow on; cut connections stay gone).
 */
export interface Relay {
  port: number;
  /** Connections currently open through the relay. */
  readonly open: number;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startRelay(target: { host: string; port: number }): Promise<Relay> {
  let mode: 'forward' | 'cut' | 'stall' = 'forward';
  const pairs = new Set<[Socket, Socket]>();

  const server = createServer((client) => {
    if (mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection(target);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const [from, to] of [pair, [upstream, client] as const]) {
      from.on('data', (chunk) => to.write(chunk));
      from.on('error', drop);
      from.on('close', drop);
      if (mode === 'stall') from.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    port,
    get open() {
      return pairs.size;
    },
    cut() {
      mode = 'cut';
      for (const [client, upstream] of pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    stall() {
      mode = 'stall';
      for (const pair of pairs) for (const socket of pair) socket.pause();
    },
    restore() {
      mode = 'forward';
      for (const pair of pairs) for (const socket of pair) socket.resume();
    },
    async close() {
      for (const pair of pairs) for (const socket of pair) socket.destroy();
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
