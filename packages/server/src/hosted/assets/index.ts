import { checkoutJs } from './checkout.js';
import { creatorReportJs } from './creator-report.js';
import { hostedCss } from './hosted-css.js';
import { oauthCallbackJs } from './oauth-callback.js';
import { passkeysJs, simpleWebAuthnBrowserJs } from './passkeys.js';
import { popupPresenceJs } from './popup-presence.js';
import { signinJs } from './signin.js';

/**
 * Static assets of the hosted pages, kept as modules so the build ships them without a
 * copy step. Each page adds its script here.
 */
export const hostedAssets: Record<string, { type: string; body: string }> = {
  'hosted.css': { type: 'text/css; charset=utf-8', body: hostedCss },
  'signin.js': { type: 'text/javascript; charset=utf-8', body: signinJs },
  'oauth-callback.js': { type: 'text/javascript; charset=utf-8', body: oauthCallbackJs },
  'checkout.js': { type: 'text/javascript; charset=utf-8', body: checkoutJs },
  'creator-report.js': { type: 'text/javascript; charset=utf-8', body: creatorReportJs },
  'popup-presence.js': { type: 'text/javascript; charset=utf-8', body: popupPresenceJs },
  'passkeys.js': { type: 'text/javascript; charset=utf-8', body: passkeysJs },
  'simplewebauthn-browser.js': {
    type: 'text/javascript; charset=utf-8',
    body: simpleWebAuthnBrowserJs(),
  },
};
