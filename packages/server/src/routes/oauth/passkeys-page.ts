import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { html } from 'hono/html';
import { type HostedLocale, translator } from '../../hosted/i18n.js';
import { layout } from '../../hosted/layout.js';
import { type PasskeyKey, passkeyMessages } from '../../hosted/messages/passkeys.js';
import { signInMethodsOf } from '../../services/sign-in-methods.js';
import type { Intent } from './pages.js';
import { popupPresence } from './popup-presence.js';
import { requestFields, toggleHref } from './request-fields.js';
import type { AuthorizationRequest } from './shared.js';

/** The browser half: @simplewebauthn/browser's own build, then the page's script. */
const scripts = html`<script src="/assets/simplewebauthn-browser.js" defer></script>
<script src="/assets/passkeys.js" defer></script>`;

function passkeysOn(req: AuthorizationRequest): boolean {
  return signInMethodsOf(req.store.settings).passkeys;
}

/** `webauthn` lets the browser offer the shopper's passkeys in the email field's autofill. */
export function emailAutocomplete(req: AuthorizationRequest, intent: Intent): string {
  return intent === 'signin' && passkeysOn(req) ? 'username webauthn' : 'email';
}

/**
 * The sign-in page's passkey part: a button (shown by /assets/passkeys.js where the browser
 * can use passkeys) and the form the script posts the browser's answer with. On the create
 * page only the scripts, which note whether the device could take a passkey afterwards.
 */
export function passkeySection(locale: HostedLocale, req: AuthorizationRequest, intent: Intent) {
  if (!passkeysOn(req)) return '';
  if (intent !== 'signin') return scripts;
  const tr = translator(passkeyMessages, locale);
  return html`<form id="kiosk-passkey" method="post" action="/oauth/passkeys/authenticate" data-cancelled="${tr('errPasskeyCancelled')}">
${requestFields(req)}
<input type="hidden" name="passkey_challenge" value="">
<input type="hidden" name="passkey_response" value="">
<button type="button" id="kiosk-passkey-button" class="secondary" hidden>${tr('signInWithPasskey')}</button>
</form>
${scripts}`;
}

/**
 * The interstitial between a sign-in and the client's answer. Both buttons post the form:
 * "Add" with the authenticator's response, "Not now" without; either way the shopper is in.
 */
export function passkeyOfferPage(
  locale: HostedLocale,
  req: AuthorizationRequest,
  options: PublicKeyCredentialCreationOptionsJSON,
) {
  const tr = translator(passkeyMessages, locale);
  const body = html`<h1>${tr('offerHeading')}</h1>
<p>${tr('offerText', { store: req.store.name })}</p>
<p id="form-error" class="error" role="alert"></p>
<form id="kiosk-passkey-offer" method="post" action="/oauth/passkeys/register" data-options="${JSON.stringify(options)}" data-cancelled="${tr('errPasskeyCancelled')}">
${requestFields(req)}
<input type="hidden" name="passkey_challenge" value="${options.challenge}">
<input type="hidden" name="passkey_response" value="">
<button type="button" id="kiosk-passkey-add" hidden>${tr('offerAdd')}</button>
<button type="submit" class="secondary">${tr('offerSkip')}</button>
</form>
${scripts}
${popupPresence(req)}`;
  return layout({ locale, title: `${tr('offerTitle')} · ${req.store.name}`, body });
}

/** A passkey step that did not work: why, and the way back to the sign-in page. */
export function passkeyErrorPage(
  locale: HostedLocale,
  req: AuthorizationRequest,
  error: PasskeyKey,
) {
  const tr = translator(passkeyMessages, locale);
  const body = html`<h1>${tr('signInWithPasskey')}</h1>
<p id="form-error" class="error" role="alert">${tr(error)}</p>
<p><a href="${toggleHref(req, 'signin')}">${tr('backToSignIn')}</a></p>
${popupPresence(req)}`;
  return layout({ locale, title: `${tr('signInWithPasskey')} · ${req.store.name}`, body });
}
