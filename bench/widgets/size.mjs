// Gzip sizes of the CDN build (packages/widgets/dist/cdn, run `pnpm --filter @kiosk/widgets build`
// first) against the docs/architecture/design.md budgets: the loader, a page of product cards with its header's
// signed-out login button and closed mini cart (their chunks and static imports: the cart's
// panel is a dynamic import, loaded when it first opens), and a page with all four elements
// and the cart opened, in one language (English is bundled). Views loaded on a shopper's request
// (the open account menu and its membership, passkeys and notifications views, the review list's
// write-a-review form) are not part of what a page loads: each is measured in its own row, as
// what opening it downloads.
// Each file is gzipped on its own, as a browser downloads it. --record writes bench/RESULTS.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { record } from './record.mjs';

// KIOSK_DIST: a build made with the same variable (packages/widgets/scripts/build.mjs).
const cdn = process.env.KIOSK_DIST
  ? join(process.env.KIOSK_DIST, 'cdn/')
  : fileURLToPath(new URL('../../packages/widgets/dist/cdn/', import.meta.url));
if (!existsSync(join(cdn, 'kiosk.js'))) {
  console.error('No CDN build: run `pnpm --filter @kiosk/widgets build` first.');
  process.exit(1);
}
const language = /^(zh-CN|es|fr|de|ru|pt-BR|ar)-[\w-]+\.js$/;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A chunk and everything it imports statically; dynamic imports too when `dynamic` says so. */
function closure(entry, dynamic, seen = new Set()) {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  const statics = [
    ...code.matchAll(/(?:import|export)\s*(?:[^"'()]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g),
  ];
  const dynamics = [...code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)];
  for (const m of statics) closure(join(dirname(entry), m[1]), dynamic, seen);
  for (const m of dynamics) {
    const file = join(dirname(entry), m[1]);
    if (dynamic(file)) closure(file, dynamic, seen);
  }
  return seen;
}

function page(elements, dynamic = () => false) {
  const files = new Set([join(cdn, 'kiosk.js')]);
  for (const name of elements)
    for (const f of closure(join(cdn, `${name}.js`), dynamic)) files.add(f);
  return { files: [...files], bytes: [...files].reduce((n, f) => n + gz(f), 0) };
}

const loader = gz(join(cdn, 'kiosk.js'));
// The header's widgets as a page first loads them: a signed-out login button (sign-in code
// loads on click) and a closed mini cart (its panel loads on first open).
const cards = page(['product-card', 'login-button', 'mini-cart']);
const four = ['product-card', 'mini-cart', 'review-list', 'login-button'];
const missing = four.filter((n) => !existsSync(join(cdn, `${n}.js`)));
// "the cart opened": the mini cart's lazily loaded panel, not other languages, nor the views
// loaded on request (their own rows): the account menu's membership, passkeys and notifications
// views (their shared menu-view chunk counted in each: what opening one first downloads), the review form,
// a sold-out card's "Notify me" panel with the SDK's notifications part, and a card's share
// panel with the SDK's share part, and the SDK's orders part (the account menu's "Orders"
// asks it for the hosted orders page's link). The notifications
// view uses that SDK part too; its row leaves it out (it is the Notify me row's), so opening the
// view on a page that never opened Notify me downloads it on top.
// The analytics collector is loaded after the cards have their products (it watches them for
// impressions) and sends events: not part of what a page first needs, so a row of its own.
const onRequest = {
  // The open account menu (its code and strings), loaded the first time it opens; its views
  // open from it, so their rows count what they add to it.
  accountMenu: /^account-panel-[\w-]+\.js$/,
  membership: /^membership-view-[\w-]+\.js$/,
  passkeys: /^passkeys-view-[\w-]+\.js$/,
  notificationsView: /^subscriptions-view-[\w-]+\.js$/,
  reviewForm: /^review-form-controller-[\w-]+\.js$/,
  notify: /^(notify-panel|notifications)-[\w-]+\.js$/,
  share: /^share(-panel)?-[\w-]+\.js$/,
  orders: /^orders-[\w-]+\.js$/,
  analytics: /^collector-[\w-]+\.js$/,
  // A message's deep link (?kiosk_product=): its code loads only on a page opened with one.
  deepLink: /^deep-link-[\w-]+\.js$/,
  // The device's recently viewed list, loaded at a card's first view (or with its panels).
  recentlyViewed: /^recently-viewed-[\w-]+\.js$/,
  // The SDK's recommendations part (the element itself is an entry: recommendations.js).
  recommendations: /^recommendations-[\w-]+\.js$/,
};
/** The chunks `pattern` names, on their own (one only other on-request chunks import). */
const alone = (pattern) =>
  readdirSync(join(cdn, 'chunks'))
    .filter((f) => pattern.test(f))
    .reduce((n, f) => n + gz(join(cdn, 'chunks', f)), 0);
const requested = (f) => Object.values(onRequest).some((view) => view.test(basename(f)));
const all = missing.length ? null : page(four, (f) => !language.test(basename(f)) && !requested(f));
/**
 * What opening a view downloads on top of that page, with what it opens from (`within`, as
 * the account menu's views open from the open menu) already loaded: its chunks and anything
 * only they import.
 */
function view(name, elements = four, within = []) {
  if (!all) return null;
  const loaded = (names) => (f) =>
    !language.test(basename(f)) &&
    (!requested(f) || names.some((n) => onRequest[n].test(basename(f))));
  return page(elements, loaded([name, ...within])).bytes - page(four, loaded(within)).bytes;
}
const withRecommendations = existsSync(join(cdn, 'recommendations.js'))
  ? view('recommendations', [...four, 'recommendations'])
  : null;

const rows = [
  ['script-tag loader (kiosk.js)', loader, 3 * 1024],
  ['cards page: product cards + header login button + closed mini cart', cards.bytes, 32 * 1024],
  ['all four elements, cart opened, one language', all?.bytes ?? null, 55 * 1024],
  ['account menu, open (loaded when first opened)', view('accountMenu'), 4 * 1024],
  [
    'account membership view (loaded when opened from the open menu)',
    view('membership', four, ['accountMenu']),
    3 * 1024,
  ],
  [
    'account passkeys view (loaded when opened from the open menu)',
    view('passkeys', four, ['accountMenu']),
    3 * 1024,
  ],
  [
    'account notifications view, without the SDK notifications part (loaded when opened from the open menu)',
    view('notificationsView', four, ['accountMenu']),
    3 * 1024,
  ],
  ['review form (loaded when opened)', view('reviewForm'), 4 * 1024],
  [
    'product card "Notify me" panel with the SDK notifications part (loaded when opened)',
    view('notify'),
    4 * 1024,
  ],
  [
    'product card share panel with the SDK share part (loaded when opened)',
    view('share'),
    4 * 1024,
  ],
  ['account menu "Orders": the SDK orders part (loaded when clicked)', view('orders'), 1024],
  [
    'analytics collector (loaded once the first card is ready, or at the first event)',
    view('analytics'),
    2 * 1024,
  ],
  [
    'product card deep link (loaded only on a page opened from a message, ?kiosk_product=)',
    view('deepLink'),
    1024,
  ],
  [
    'recently viewed list (loaded at the first product view: a card engaged with, a deep link)',
    alone(onRequest.recentlyViewed),
    1024,
  ],
  [
    'recommendations element with the SDK recommendations part (loaded when the element is on the page)',
    withRecommendations,
    4 * 1024,
  ],
];
const lines = [
  '| JavaScript (gzip, per file) | size | budget | |',
  '|---|---:|---:|---|',
  ...rows.map(([what, bytes, budget]) =>
    bytes === null
      ? `| ${what} | not built yet (${missing.join(', ')}) | ${kb(budget)} | |`
      : `| ${what} | ${kb(bytes)} | ${kb(budget)} | ${bytes <= budget ? 'within' : `**over by ${kb(bytes - budget)}**`} |`,
  ),
];
const detail = cards.files.map((f) => `${relative(cdn, f)} ${kb(gz(f))}`).join(', ');
console.log(lines.join('\n'));
console.log(`\ncards page files: ${detail}`);

// Bytes, not time: a failed budget fails the widgets' test run (package.json "test").
if (rows.some(([, bytes, budget]) => bytes !== null && bytes > budget)) process.exitCode = 1;

if (process.argv.includes('--record')) {
  record(
    'JavaScript size (`node bench/widgets/size.mjs --record`)',
    `${lines.join('\n')}\n\nCards page files: ${detail}.`,
  );
}
