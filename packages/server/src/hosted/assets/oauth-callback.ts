/**
 * /assets/oauth-callback.js — the end of a popup sign-in (response_mode=web_message).
 * The server renders the result into data-* attributes (no inline script under the CSP);
 * this posts it to the opener at the exact origin of the registered redirect_uri only,
 * then closes the popup. Without an opener (a strict COOP, an in-app browser) it tells the
 * shopper to close the window; the SDK then collects the code from POST /oauth/poll.
 */
export const oauthCallbackJs = `(function () {
  'use strict';
  var el = document.getElementById('kiosk-callback');
  if (!el) return;
  var origin = el.getAttribute('data-origin');
  var message = { type: 'kiosk:authorization_response', state: el.getAttribute('data-state') };
  var code = el.getAttribute('data-code');
  var error = el.getAttribute('data-error');
  if (code) message.code = code;
  if (error) {
    message.error = error;
    message.error_description = el.getAttribute('data-error-description') || undefined;
  }
  function showDone() {
    var pending = document.getElementById('kiosk-returning');
    var done = document.getElementById('kiosk-close');
    if (pending) pending.hidden = true;
    if (done) done.hidden = false;
  }
  var opener = null;
  try { opener = window.opener; } catch (e) { opener = null; }
  if (!opener || !origin) { showDone(); return; }
  try {
    opener.postMessage(message, origin);
  } catch (e) {
    showDone();
    return;
  }
  window.close();
  // Browsers may refuse to close a window; then say what to do.
  setTimeout(showDone, 800);
})();
`;
