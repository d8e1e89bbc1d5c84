/**
 * The Kiosk API origin for the module pages: `?api=<origin>` in the page URL, else the one the
 * demo was built for (KIOSK_ENDPOINT, default http://localhost:8787).
 */
export function apiEndpoint(): string {
  const param = new URLSearchParams(location.search).get('api');
  if (param) {
    try {
      return new URL(param).origin;
    } catch {
      // not a URL: ignore it
    }
  }
  return __KIOSK_ENDPOINT__;
}
