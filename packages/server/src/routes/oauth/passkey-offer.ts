import { getCookie, setCookie } from 'hono/cookie';
import { type AppContext, publicOrigin } from '../../context.js';
import { PASSKEY_CAPABLE_COOKIE } from '../../hosted/assets/passkeys.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import { hasPasskey, requestHash } from '../../services/auth/passkeys.js';
import { registrationOptions, relyingPartyOf } from '../../services/auth/webauthn.js';
import { findCustomer } from '../../services/customers.js';
import { signInMethodsOf } from '../../services/sign-in-methods.js';
import type { Store } from '../../services/stores.js';
import { passkeyOfferPage } from './passkeys-page.js';
import { type AuthorizationRequest, storeCookieName } from './shared.js';

/** How long "Not now" holds on a device before the offer comes back. */
const DECLINED_DAYS = 30;

/** Set on "Not now" for the store the offer was for; a hint like the capable cookie, no one's data. */
function declinedCookieName(store: Store): string {
  return storeCookieName('kiosk_pk_later', store);
}

/**
 * Remembers "Not now" on this device for this store's offers, so the next sign-ins go
 * straight back to the shop. Per store, since each store asks for its own passkey.
 */
export function rememberDeclined(c: AppContext, store: Store) {
  setCookie(c, declinedCookieName(store), '1', {
    httpOnly: true,
    secure: new URL(publicOrigin(c)).protocol === 'https:',
    sameSite: 'Lax',
    path: '/oauth',
    maxAge: DECLINED_DAYS * 24 * 60 * 60,
  });
}

/**
 * The "add a passkey" interstitial, when it applies: the store takes passkeys, the device
 * can make one, the shopper has not said "Not now" to this store on it lately, and has no
 * passkey yet. Otherwise null, and the sign-in goes on.
 */
export async function offerPasskey(
  c: AppContext,
  locale: HostedLocale,
  req: AuthorizationRequest,
  customerId: string,
): Promise<Response | null> {
  const { deps } = c.var;
  if (!signInMethodsOf(req.store.settings).passkeys) return null;
  if (getCookie(c, PASSKEY_CAPABLE_COOKIE) !== '1') return null;
  if (getCookie(c, declinedCookieName(req.store)) === '1') return null;
  if (await hasPasskey(deps.db, req.store.id, customerId)) return null;
  const customer = await findCustomer(deps.db, req.store.id, customerId);
  if (!customer) return null;
  const options = await registrationOptions(
    deps.db,
    {
      rp: relyingPartyOf(publicOrigin(c)),
      storeId: req.store.id,
      storeName: req.store.name,
      customer,
      requestHash: requestHash(req),
    },
    deps.now(),
  );
  // form-action covers the 302 to the client that answers the form's POST.
  return sendPage(c, passkeyOfferPage(locale, req, options), {
    formActions: [req.redirectOrigin],
  });
}
