import { getCookie } from 'hono/cookie';
import { type AppContext, publicOrigin } from '../../context.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import { hasPasskey, requestHash } from '../../services/auth/passkeys.js';
import { registrationOptions, relyingPartyOf } from '../../services/auth/webauthn.js';
import { findCustomer } from '../../services/customers.js';
import { signInMethodsOf } from '../../services/sign-in-methods.js';
import { passkeyOfferPage } from './passkeys-page.js';
import type { AuthorizationRequest } from './shared.js';

/**
 * Set by /assets/passkeys.js on the hosted origin when the device has a platform
 * authenticator (fingerprint, face, screen lock): only then is a passkey worth offering.
 * A cookie rather than a form field, so it reaches every method's last step — an emailed
 * link or an identity provider's redirect as much as the password form. It is a hint, not a
 * credential: a forged one only shows the offer.
 */
export const PASSKEY_CAPABLE_COOKIE = 'kiosk_passkey_capable';

/**
 * The "add a passkey" interstitial, when it applies: the store takes passkeys, the device
 * can make one, and the shopper has none yet. Otherwise null, and the sign-in goes on.
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
