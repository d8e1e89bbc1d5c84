import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '../../db/index.js';
import { notificationKeys } from '../../db/schema/index.js';

export interface VapidKeys {
  /** base64url, uncompressed P-256 point: what `pushManager.subscribe()` takes. */
  publicKey: string;
  privateKey: string;
}

/**
 * The server's VAPID key pair (RFC 8292), made on first use and kept in the database. Two
 * instances starting together both try to insert; the unique key keeps the first, and both
 * read that one back, so every instance signs with the same key.
 */
export async function vapidKeys(db: Db): Promise<VapidKeys> {
  const read = async () =>
    (
      await db
        .select({ publicKey: notificationKeys.publicKey, privateKey: notificationKeys.privateKey })
        .from(notificationKeys)
        .where(eq(notificationKeys.id, 'vapid'))
    )[0];
  const found = await read();
  if (found) return found;
  const made = webpush.generateVAPIDKeys();
  await db
    .insert(notificationKeys)
    .values({ id: 'vapid', publicKey: made.publicKey, privateKey: made.privateKey })
    .onConflictDoNothing();
  return (await read())!;
}
