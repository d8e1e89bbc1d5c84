// Delivery of a push message to a page's service worker through the DevTools protocol, as
// the browser's push service would hand it over (Chromium only): the widgets' browser tests
// and the demo's end-to-end tests share it.

/**
 * Hands `data` to the service worker registered for `scope` (an absolute URL) in `page`'s
 * browser, as a push message: ServiceWorker.deliverPushMessage.
 */
export async function deliverPush(page, scope, data) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const registrations = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: all }) => {
        const mine = all.find((r) => r.scopeURL === scope && !r.isDeleted);
        if (mine) resolve(mine);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registration = await registrations;
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: new URL(scope).origin,
      registrationId: registration.registrationId,
      data,
    });
  } finally {
    await cdp.detach();
  }
}
