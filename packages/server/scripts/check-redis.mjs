// Fails loudly when KIOSK_TEST_REDIS_URL is set but Redis cannot be reached, so the
// server's Redis rate-limit tests never skip silently in CI.
import { Redis } from 'ioredis';

const url = process.env.KIOSK_TEST_REDIS_URL;
const client = new Redis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0 });
client.on('error', () => {});
try {
  await client.connect();
  const info = await client.info('server');
  console.log(`Redis ${/redis_version:(\S+)/.exec(info)?.[1]} reachable for the Redis tests.`);
  client.disconnect();
} catch (err) {
  console.error(`Cannot connect to Redis at KIOSK_TEST_REDIS_URL: ${err.message}`);
  process.exit(1);
}
