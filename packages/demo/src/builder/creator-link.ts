import { isAttributionCode } from '@kiosk/sdk';

const PARAM = 'kiosk_ref';

/**
 * The page's address with `?kiosk_ref=CODE`, its own query and fragment kept as they were
 * (byte for byte: only an earlier kiosk_ref is replaced). Null when `page` is not an http(s)
 * URL or `code` is not an attribution code.
 */
export function creatorLink(page: string, code: string): string | null {
  const url = pageAddress(page);
  if (!url || !isAttributionCode(code)) return null;
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && paramName(pair) !== PARAM);
  url.search = [...kept, `${PARAM}=${encodeURIComponent(code)}`].join('&');
  return url.href;
}

/** `page` as a URL if it is the full address of a web page (http or https), else null. */
export function pageAddress(page: string): URL | null {
  try {
    const url = new URL(page.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function paramName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a malformed escape is some other parameter: keep it
  }
}
