// 10,000 messages through the notification outbox (issue 13: "99 % delivered within ten
// minutes"): a campaign to 10,000 push subscriptions, expanded and sent by the real
// send-notifications job under the real scheduler (every second), to the loopback push
// service, which checks each VAPID signature and decrypts each payload as a browser would.
// Printed: messages/s and the time until 99 % (and 100 %) were delivered, counted from the
// campaign's send time. The reference, in the same run: the same 10,000 pushes sent straight
// (the same sender, 32 in flight, no database, no outbox).
// Usage: node bench/server/notifications.mjs [--messages 10000] [--record]
//        BENCH_DATABASE_URL=postgres://… adds the run on PostgreSQL (a fresh database).
// Needs the server built (pnpm build): it runs packages/server/dist in this process.
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { recordSection, withFreshDatabase } from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = (path) => import(join(here, '../../packages/server/dist', path));
const { openDatabase, createStore, createLogger } = await dist('index.js');
const { TestPushService } = await dist('testing/index.js');
const { campaigns, notificationSubscriptions } = await dist('db/schema/index.js');
const { startJobs } = await dist('jobs/scheduler.js');
const { sendNotificationsJob } = await dist('jobs/send-notifications.js');
const { sendPush } = await dist('services/notifications/senders.js');
const { vapidKeys } = await dist('services/notifications/vapid-keys.js');

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    record: { type: 'boolean', default: false },
  },
});
const total = Number(values.messages);
const seconds = (ms) => (ms / 1000).toFixed(1);

/** Resolves when the push service has `count` pushes (checked every 20 ms), with the time. */
function whenReceived(push, count) {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (push.received.length >= count) {
        clearInterval(timer);
        resolve(performance.now());
      }
    }, 20);
  });
}

async function subscribeAll(db, store, push) {
  const rows = [];
  for (let i = 0; i < total; i++) {
    const browser = push.subscribe();
    rows.push({
      id: randomUUID(),
      storeId: store.id,
      channel: 'push',
      topic: 'promotions',
      address: browser.endpoint,
      pushP256dh: browser.keys.p256dh,
      pushAuth: browser.keys.auth,
      locale: 'en',
      timeZone: 'UTC',
      landingUrl: 'https://shop.example/',
      confirmedAt: new Date(),
      unsubscribeHash: randomUUID(),
    });
  }
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insert(notificationSubscriptions).values(rows.slice(i, i + 1000));
  }
  return rows;
}

async function outboxRun(title, target) {
  const database = await openDatabase(target);
  const push = await TestPushService.start();
  try {
    const { store } = await createStore(database.db, {
      handle: 'bench',
      name: 'Bench',
      // The run measures sending, not the shopper's protections: no quiet hours, roomy caps.
      settings: { notifications: { quietHours: null, maxPerDay: 100, maxPerWeek: 700 } },
    });
    await subscribeAll(database.db, store, push);
    const deps = { db: database.db, log: createLogger('warn'), now: () => new Date() };
    const stopJobs = startJobs([sendNotificationsJob], deps);
    const started = performance.now();
    await database.db.insert(campaigns).values({
      id: randomUUID(),
      storeId: store.id,
      title: { en: 'Summer sale' },
      body: { en: 'All tees 20 % off.' },
      audience: {},
      sendAt: new Date(),
      status: 'scheduled',
    });
    const p99 = await whenReceived(push, Math.ceil(total * 0.99));
    const all = await whenReceived(push, total);
    await stopJobs();
    const row = {
      title,
      perSecond: Math.round(total / ((all - started) / 1000)),
      p99: seconds(p99 - started),
      all: seconds(all - started),
      rejected: push.rejected.length,
    };
    console.log(
      `${title.padEnd(46)} ${String(row.perSecond).padStart(6)} msg/s  99 % in ${row.p99} s  all in ${row.all} s  rejected ${row.rejected}`,
    );
    return row;
  } finally {
    await push.close();
    await database.close();
  }
}

async function straightRun() {
  const database = await openDatabase('memory://');
  const push = await TestPushService.start();
  try {
    const vapid = await vapidKeys(database.db);
    const targets = Array.from({ length: total }, () => push.subscribe());
    const started = performance.now();
    const p99 = whenReceived(push, Math.ceil(total * 0.99));
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < total; i = next++) {
        const { endpoint, keys } = targets[i];
        const id = randomUUID();
        await sendPush(
          { address: endpoint, pushP256dh: keys.p256dh, pushAuth: keys.auth },
          {
            id,
            title: 'Summer sale',
            body: 'All tees 20 % off.',
            url: 'https://shop.example/',
            tag: id,
            receipt: { endpoint: 'http://localhost/v1/notifications/receipts', token: id },
          },
          { vapid, subject: 'mailto:bench@localhost', ttlSeconds: 86400, urgency: 'normal' },
        );
      }
    };
    await Promise.all(Array.from({ length: 32 }, lane));
    const all = performance.now();
    const row = {
      title: 'reference: the same pushes sent straight',
      perSecond: Math.round(total / ((all - started) / 1000)),
      p99: seconds((await p99) - started),
      all: seconds(all - started),
      rejected: push.rejected.length,
    };
    console.log(
      `${row.title.padEnd(46)} ${String(row.perSecond).padStart(6)} msg/s  99 % in ${row.p99} s  all in ${row.all} s  rejected ${row.rejected}`,
    );
    return row;
  } finally {
    await push.close();
    await database.close();
  }
}

const rows = [await straightRun(), await outboxRun('outbox (PGlite), one instance', 'memory://')];
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  rows.push(
    await withFreshDatabase(serverUrl, 'kiosk_notify', (url) =>
      outboxRun('outbox (PostgreSQL), one instance', url),
    ),
  );
}
if (rows.some((r) => r.rejected > 0)) {
  console.error('FAIL: the push service refused pushes (VAPID or payload)');
  process.exitCode = 1;
}

if (values.record) {
  const table = [
    '<!-- notifications:start -->',
    `Recorded ${new Date().toISOString().slice(0, 10)} on this 2-core machine, Node ${process.version}, ` +
      `${total} messages, the loopback push service in the same process (it checks every VAPID ` +
      'signature and decrypts every payload), PostgreSQL (when run) on the same machine.',
    '',
    '| run | messages/s | 99 % delivered after | all delivered after |',
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.title} | ${r.perSecond} | ${r.p99} s | ${r.all} s |`),
    '<!-- notifications:end -->',
  ].join('\n');
  recordSection(
    'notifications',
    table,
    "## Notifications (`node bench/server/notifications.mjs --record`)\n\n10,000 push messages of one campaign through the outbox: expanded and sent by the\nsend-notifications job under the real scheduler, to the loopback push service. The issue's\ntarget: 99 % delivered within ten minutes. Reference: the same pushes sent straight.",
  );
}
