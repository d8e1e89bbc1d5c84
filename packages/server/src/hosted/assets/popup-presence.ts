/**
 * /assets/popup-presence.js — on a popup sign-in's pages: tells the opener the page is open
 * (routes/oauth/popup-presence.ts says why), again when the page comes back from the
 * back/forward cache, and `away` as the shopper follows a link to an identity provider.
 */
export const popupPresenceJs = `(function () {
  'use strict';
  var el = document.getElementById('kiosk-popup');
  var opener = null;
  try { opener = window.opener; } catch (e) { opener = null; }
  if (!el || !opener) return;
  var origin = el.getAttribute('data-origin');
  var state = el.getAttribute('data-state');
  function say(away) {
    try {
      opener.postMessage({ type: 'kiosk:authorization_pending', state: state, away: away }, origin);
    } catch (e) { /* the opener has gone */ }
  }
  var away = el.hasAttribute('data-away');
  say(away);
  window.addEventListener('pageshow', function (event) { if (event.persisted) say(away); });
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (target && target.closest && target.closest('a[data-provider]')) say(true);
  });
})();
`;
