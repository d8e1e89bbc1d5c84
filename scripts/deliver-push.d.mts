/** What this needs of a Playwright page (Chromium: DevTools protocol sessions). */
interface CdpPage {
  context(): { newCDPSession(page: never): Promise<unknown> };
}

/**
 * Hands `data` to the service worker registered for `scope` (an absolute URL) in `page`'s
 * browser, as a push message: ServiceWorker.deliverPushMessage.
 */
export declare function deliverPush(page: CdpPage, scope: string, data: string): Promise<void>;
