import { type AppContext, publicOrigin } from '../../context.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import { createAuthorizationCode } from '../../services/auth/codes.js';
import { callbackPage, invalidRequestPage } from './pages.js';
import { offerPasskey } from './passkey-offer.js';
import { type AuthorizationRequest, redirectWith } from './shared.js';

/**
 * Sends the outcome back to the client: a code, or an error it should see. A popup
 * (`response_mode=web_message`) gets the callback page that posts it to the opener; any
 * other client a redirect to its redirect_uri with the outcome in the query.
 */
export function answerClient(
  c: AppContext,
  locale: HostedLocale,
  req: Pick<AuthorizationRequest, 'redirectUri' | 'redirectOrigin' | 'responseMode' | 'state'>,
  outcome: { code: string } | { error: string; errorDescription: string },
) {
  if (req.responseMode === 'web_message') {
    return sendPage(
      c,
      callbackPage(locale, {
        origin: req.redirectOrigin,
        state: req.state,
        issuer: publicOrigin(c),
        ...outcome,
      }),
    );
  }
  const params: Record<string, string> =
    'code' in outcome
      ? { code: outcome.code }
      : { error: outcome.error, error_description: outcome.errorDescription };
  c.header('Cache-Control', 'no-store');
  return c.redirect(redirectWith(c, req.redirectUri, { ...params, state: req.state }), 302);
}

/**
 * The end of every sign-in method (password, emailed code, passkey, upstream provider): the
 * shopper is `customerId`; the client gets an authorization code for the request it made —
 * first, if it applies, the offer to add a passkey (whose answer comes back here with
 * `offerPasskey: false`).
 */
export async function signIn(
  c: AppContext,
  locale: HostedLocale,
  req: AuthorizationRequest,
  customerId: string,
  { offerPasskey: offer = true }: { offerPasskey?: boolean } = {},
) {
  const { deps } = c.var;
  const interstitial = offer ? await offerPasskey(c, locale, req, customerId) : null;
  if (interstitial) return interstitial;
  const code = await createAuthorizationCode(
    deps.db,
    {
      storeId: req.store.id,
      customerId,
      state: req.state,
      redirectUri: req.redirectUri,
      codeChallenge: req.codeChallenge,
      pollable: req.responseMode === 'web_message',
    },
    deps.now(),
  );
  if (!code) {
    return sendPage(c, invalidRequestPage(locale, 'errStateTaken'), { status: 409 });
  }
  return answerClient(c, locale, req, { code });
}
