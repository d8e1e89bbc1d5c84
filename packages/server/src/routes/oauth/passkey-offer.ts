import { getCookie } from 'hono/cookie';
import { type AppContext, publicOrigin } from '../../context.js';
import { PASSKEY_CAPABLE_COOKIE } from '../../hosted/assets/passkeys.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import { hasPasskey, requestHash } from '../../services/auth/passkeys.js';
import { registrationOptions, relyingPartyOf } from '../../services/auth/webauthn.js';
import { findCustomer } from '../../services/customers.js';
import { signInMethodsOf } from '../../services/sign-in-methods.js';
import { passkeyOfferPage } from './passkeys-page.js';
import type { AuthorizationRequest } from './shared.js';

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
