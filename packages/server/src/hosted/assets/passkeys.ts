import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Set by /assets/passkeys.js on the hosted origin when the device has a platform
 * authenticator (fingerprint, face, screen lock): only then is a passkey worth offering.
 * A cookie rather than a form field, so it reaches every method's last step — an emailed
 * link or an identity provider's redirect as much as the password form. It is a hint, not a
 * credential: a forged one only shows the offer.
 */
export const PASSKEY_CAPABLE_COOKIE = 'kiosk_passkey_capable';

/**
 * /assets/simplewebauthn-browser.js — @simplewebauthn/browser's own browser build (the
 * global SimpleWebAuthnBrowser), read from the installed package so it is never copied
 * into the repository and is always the version the server verifies against.
 */
export function simpleWebAuthnBrowserJs(): string {
  const entry = createRequire(import.meta.url).resolve('@simplewebauthn/browser');
  return readFileSync(join(dirname(entry), '..', 'dist', 'bundle', 'index.umd.min.js'), 'utf8');
}

/**
 * /assets/passkeys.js — the hosted page's passkey steps. On the sign-in page: passkeys in
 * the email field's autofill (conditional UI) where the browser has it, and the "Sign in
 * with a passkey" button; on the interstitial, "Add a passkey". Each posts the browser's
 * answer with its form. Everywhere, it remembers (a cookie) whether this device has a
 * platform authenticator, which is when the server offers to add a passkey.
 */
export const passkeysJs = `(function () {
  'use strict';
  var W = window.SimpleWebAuthnBrowser;
  if (!W || !W.browserSupportsWebAuthn()) return;
  // WebAuthn refuses an IP address as the relying party: on such a host, no passkeys at all.
  if (/^[0-9.]+$/.test(location.hostname) || location.hostname.charAt(0) === '[') return;
  W.platformAuthenticatorIsAvailable().then(function (available) {
    document.cookie = '${PASSKEY_CAPABLE_COOKIE}=' + (available ? '1' : '0') +
      '; path=/oauth; max-age=31536000; samesite=lax' +
      (location.protocol === 'https:' ? '; secure' : '');
  });

  function showError(form) {
    var error = document.getElementById('form-error');
    if (error) error.textContent = form.getAttribute('data-cancelled');
  }
  function post(form, challenge, response) {
    form.elements.passkey_challenge.value = challenge;
    form.elements.passkey_response.value = JSON.stringify(response);
    form.submit();
  }

  var offer = document.getElementById('kiosk-passkey-offer');
  if (offer) {
    var add = document.getElementById('kiosk-passkey-add');
    var creation = JSON.parse(offer.getAttribute('data-options'));
    add.hidden = false;
    add.addEventListener('click', function () {
      W.startRegistration({ optionsJSON: creation }).then(function (response) {
        post(offer, creation.challenge, response);
      }, function () { showError(offer); });
    });
  }

  var form = document.getElementById('kiosk-passkey');
  if (!form) return;
  var button = document.getElementById('kiosk-passkey-button');
  // Each attempt gets its own challenge: one is used up by whatever the server is sent.
  function signIn(autofill) {
    return fetch('/oauth/passkeys/options', {
      method: 'POST',
      credentials: 'same-origin',
      body: new URLSearchParams(new FormData(form)),
    }).then(function (res) {
      if (!res.ok) throw new Error('options ' + res.status);
      return res.json();
    }).then(function (options) {
      return W.startAuthentication({ optionsJSON: options, useBrowserAutofill: autofill })
        .then(function (response) { post(form, options.challenge, response); });
    }).catch(function () {
      // Autofill is cancelled whenever the button starts its own request: not an error.
      if (!autofill) showError(form);
    });
  }
  button.hidden = false;
  button.addEventListener('click', function () { signIn(false); });
  W.browserSupportsWebAuthnAutofill().then(function (supported) {
    if (supported) signIn(true);
  });
})();
`;
