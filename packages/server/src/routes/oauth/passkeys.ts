import { type AppContext, publicOrigin } from '../../context.js';
import { ApiError } from '../../errors.js';
import { formFields } from '../../hosted/form.js';
import { sendPage } from '../../hosted/layout.js';
import { isSameOriginPost } from '../../hosted/same-origin.js';
import { createRouter } from '../../openapi.js';
import { hitRateLimit } from '../../rate-limit/middleware.js';
import { requestHash } from '../../services/auth/passkeys.js';
import {
  authenticationOptions,
  finishAuthentication,
  finishRegistration,
  parseCredentialResponse,
  relyingPartyOf,
} from '../../services/auth/webauthn.js';
import { signInMethodsOf } from '../../services/sign-in-methods.js';
import { signIn } from './answer.js';
import { readHostedPost } from './hosted-post.js';
import { rememberDeclined } from './passkey-offer.js';
import { passkeyErrorPage } from './passkeys-page.js';
import { checkAuthorizationRequest } from './shared.js';

/**
 * The hosted page's passkey steps (/oauth/passkeys/*), driven by /assets/passkeys.js. Each
 * carries the authorization request's fields like the sign-in form, and ends in signIn().
 */
export const passkeyRoutes = createRouter();

/** Challenge for a passkey sign-in on this page (JSON for the page's script; API errors). */
passkeyRoutes.post('/passkeys/options', async (c) => {
  if (!isSameOriginPost(c)) throw new ApiError('forbidden', 'Only the sign-in page asks for this.');
  const check = await checkAuthorizationRequest(c, await formFields(c));
  if (check.kind !== 'ok') {
    throw new ApiError('validation_failed', 'Not a valid authorization request.');
  }
  const req = check.request;
  if (!signInMethodsOf(req.store.settings).passkeys) {
    throw new ApiError('forbidden', 'This store does not take passkeys.');
  }
  // Each challenge is a row: a script asking for them in a loop is a script.
  const hit = await hitRateLimit(c, 'passkey-challenges', req.store.id);
  if (!hit.allowed) {
    c.header('Retry-After', String(hit.retryAfterSeconds));
    throw new ApiError('rate_limited', `Try again in ${hit.retryAfterSeconds} s.`, {
      retryAfterSeconds: hit.retryAfterSeconds,
    });
  }
  const { deps } = c.var;
  const options = await authenticationOptions(
    deps.db,
    { rp: relyingPartyOf(publicOrigin(c)), storeId: req.store.id, requestHash: requestHash(req) },
    deps.now(),
  );
  c.header('Cache-Control', 'no-store');
  return c.json(options, 200);
});

/** Reads a passkey form's post: the request it goes on with, or the answer that refuses it. */
async function passkeyPost(c: AppContext) {
  const post = await readHostedPost(c);
  if ('refused' in post) return post;
  const { req, locale, fields } = post;
  return {
    locale,
    req,
    ceremony: {
      rp: relyingPartyOf(publicOrigin(c)),
      storeId: req.store.id,
      requestHash: requestHash(req),
      challenge: fields.passkey_challenge ?? '',
      response: parseCredentialResponse(fields.passkey_response),
    },
  } as const;
}

passkeyRoutes.post('/passkeys/authenticate', async (c) => {
  const post = await passkeyPost(c);
  if ('refused' in post) return post.refused;
  const { locale, req, ceremony } = post;
  const { deps } = c.var;
  if (!signInMethodsOf(req.store.settings).passkeys) {
    return sendPage(c, passkeyErrorPage(locale, req, 'errPasskeyUnknown'), { status: 400 });
  }
  const result = await finishAuthentication(deps.db, ceremony, deps.now());
  if (!result.ok) {
    const status = result.error === 'errPasskeyExpired' ? 400 : 401;
    return sendPage(c, passkeyErrorPage(locale, req, result.error), { status });
  }
  return signIn(c, locale, req, result.customerId, { offerPasskey: false });
});

passkeyRoutes.post('/passkeys/register', async (c) => {
  const post = await passkeyPost(c);
  if ('refused' in post) return post.refused;
  const { locale, req, ceremony } = post;
  const { deps } = c.var;
  const result = await finishRegistration(
    deps.db,
    { ...ceremony, userAgent: c.req.header('user-agent') },
    deps.now(),
  );
  if (!result) {
    return sendPage(c, passkeyErrorPage(locale, req, 'errPasskeyExpired'), { status: 400 });
  }
  // The offer's form comes without an authenticator's answer only from "Not now".
  if (!ceremony.response) rememberDeclined(c, req.store);
  return signIn(c, locale, req, result.customerId, { offerPasskey: false });
});
