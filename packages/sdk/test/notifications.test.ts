// kiosk.notifications, what holds before any request: arguments are checked and web push is
// refused where the runtime has none (Node), without a request.
import { describe, expect, it } from 'vitest';
import { client, recordingFetch } from './helpers.js';

describe('notifications', () => {
  it('rejects wrong arguments before any request', async () => {
    const net = recordingFetch();
    const { notifications } = client({ fetch: net.fetch });
    const refused = (options: unknown) =>
      expect(notifications.subscribe(options as never)).rejects.toMatchObject({
        code: 'validation_failed',
      });
    await refused({ topic: 'gossip', channel: 'email', email: 'ana@example.com' });
    await refused({ topic: 'promotions', channel: 'sms' });
    await refused({ topic: 'back-in-stock', channel: 'email', email: 'not an address' });
    // No address and not signed in: nobody to write to.
    await refused({ topic: 'back-in-stock', channel: 'email' });
    await expect(notifications.unsubscribe('')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(net.calls).toEqual([]);
  });

  it('refuses web push where there is none, before asking the store', async () => {
    const net = recordingFetch();
    const { notifications } = client({ fetch: net.fetch });
    await expect(
      notifications.subscribe({
        topic: 'back-in-stock',
        product: 'aurora-classic-tee',
        channel: 'push',
        serviceWorker: '/kiosk-sw.js',
      }),
    ).rejects.toMatchObject({ code: 'push_unavailable' });
    expect(net.calls).toEqual([]);
  });

  it('has nothing to list for a guest who never subscribed here', async () => {
    const net = recordingFetch();
    expect(await client({ fetch: net.fetch }).notifications.list()).toEqual([]);
    expect(net.calls).toEqual([]);
  });
});
