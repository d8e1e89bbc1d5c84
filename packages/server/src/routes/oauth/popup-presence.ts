import { html } from 'hono/html';
import type { AuthorizationRequest } from './shared.js';

/**
 * On a popup sign-in's pages (`response_mode=web_message`): /assets/popup-presence.js tells
 * the window that opened the popup, at the exact origin of the redirect URI only, that a
 * sign-in page is open. The SDK then knows that a popup which looks closed was closed by the
 * shopper, and ends the sign-in at once instead of waiting for an answer by poll. `away`: the
 * sign-in may finish elsewhere (the code page: through the mailed link), so the SDK waits.
 * Links to an identity provider say `away` as they are followed (its pages may cut the popup
 * off from its opener with a Cross-Origin-Opener-Policy).
 */
export function popupPresence(
  req: Pick<AuthorizationRequest, 'responseMode' | 'redirectOrigin' | 'state'>,
  { away = false } = {},
) {
  if (req.responseMode !== 'web_message') return '';
  return html`<div id="kiosk-popup" hidden data-origin="${req.redirectOrigin}" data-state="${req.state}"${away ? html` data-away` : ''}></div>
<script src="/assets/popup-presence.js" defer></script>`;
}
