import { aTimeout } from '@open-wc/testing';

/** The real API server's URL (web-test-runner.config.mjs puts it in a meta tag). */
export const endpoint = document
  .querySelector<HTMLMetaElement>('meta[name="kiosk-endpoint"]')!
  .content.replace(/\/$/, '');

type Check = boolean | undefined | null;

/** Waits until `check` passes (polling; no fixed sleeps in tests). It may ask asynchronously. */
export async function until(check: () => Check | Promise<Check>, what = 'condition') {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await aTimeout(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Requests this page made to the API under `path` (PerformanceObserver resource entries). */
export const apiRequests = (path: string, base = endpoint) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.name.startsWith(base) && new URL(e.name).pathname.startsWith(path));
