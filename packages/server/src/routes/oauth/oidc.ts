import { type AppContext, publicOrigin } from '../../context.js';
import type { IdentityProviderRow } from '../../db/schema/index.js';
import { type HostedLocale, negotiateLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import type { OidcKey } from '../../hosted/messages/oidc.js';
import { createRouter } from '../../openapi.js';
import { customerForUpstream } from '../../services/auth/upstream-accounts.js';
import {
  isUpstreamRefusal,
  newCodeVerifier,
  newNonce,
  providerConfiguration,
  redeemUpstreamAnswer,
  upstreamAuthorizationUrl,
} from '../../services/auth/upstream-client.js';
import { savePendingUpstream, takePendingUpstream } from '../../services/auth/upstream-requests.js';
import {
  findEnabledIdentityProvider,
  listIdentityProviders,
  upstreamCallbackPath,
} from '../../services/identity-providers.js';
import { offeredSignInMethods } from '../../services/sign-in-methods.js';
import { signIn } from './answer.js';
import { type UpstreamChoices, upstreamExpiredPage } from './oidc-page.js';
import { signinPage } from './pages.js';
import {
  type AuthorizationRequest,
  authorizationParams,
  checkAuthorizationRequest,
} from './shared.js';

/** Kiosk as an OpenID Connect relying party: the upstream providers' way back in. */
export const upstreamRoutes = createRouter();

/** The providers the sign-in page offers: those the store has not switched off. */
export async function upstreamChoices(c: AppContext, storeId: string): Promise<UpstreamChoices> {
  const rows = await listIdentityProviders(c.var.deps.db, storeId);
  return {
    providers: rows.filter((p) => p.enabled).map((p) => ({ slug: p.slug, name: p.name })),
  };
}

/** The sign-in page again, with what went wrong with a provider above its choices. */
async function upstreamFailed(
  c: AppContext,
  locale: HostedLocale,
  req: AuthorizationRequest,
  error: { key: OidcKey; name: string },
  status: 400 | 503,
) {
  const choices = await upstreamChoices(c, req.store.id);
  return sendPage(
    c,
    signinPage(
      locale,
      req,
      { intent: 'signin', upstream: { ...choices, error } },
      offeredSignInMethods(c.var.deps, req.store.settings),
    ),
    {
      status,
      formActions: [req.redirectOrigin],
    },
  );
}

/** Logs why a provider failed: the error's kind only, never a URL (it may hold a code). */
function logFailure(c: AppContext, provider: IdentityProviderRow, step: string, err: unknown) {
  const e = err as { name?: unknown; code?: unknown; error?: unknown };
  c.var.deps.log.warn('upstream sign-in failed', {
    requestId: c.get('requestId'),
    provider: provider.slug,
    step,
    errorName: typeof e?.name === 'string' ? e.name : 'unknown',
    ...(typeof e?.code === 'string' ? { errorCode: e.code } : {}),
    ...(typeof e?.error === 'string' ? { oauthError: e.error } : {}),
  });
}

/** A fetch that never got an answer: the provider is down or too slow. */
function isUnreachable(err: unknown): boolean {
  const name = (err as { name?: unknown })?.name;
  const cause = (err as { cause?: { name?: unknown } })?.cause;
  return (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    (err instanceof TypeError && /fetch/i.test(err.message)) ||
    cause?.name === 'TimeoutError' ||
    (cause instanceof TypeError && /fetch/i.test(cause.message))
  );
}

/**
 * GET /oauth/authorize with `provider=`: sends the shopper to that provider, keeping the
 * Kiosk request server side under a fresh state (the client's state never leaves Kiosk).
 */
export async function startUpstream(
  c: AppContext,
  locale: HostedLocale,
  req: AuthorizationRequest,
  slug: string,
) {
  const { db, now } = c.var.deps;
  const provider = await findEnabledIdentityProvider(db, req.store.id, slug);
  if (!provider)
    return upstreamFailed(c, locale, req, { key: 'errProviderUnknown', name: '' }, 400);
  let config: Awaited<ReturnType<typeof providerConfiguration>>;
  try {
    config = await providerConfiguration(provider);
  } catch (err) {
    logFailure(c, provider, 'discovery', err);
    return upstreamFailed(
      c,
      locale,
      req,
      { key: 'errProviderUnavailable', name: provider.name },
      503,
    );
  }
  const codeVerifier = newCodeVerifier();
  const nonce = newNonce();
  const state = await savePendingUpstream(
    db,
    {
      storeId: req.store.id,
      providerSlug: slug,
      codeVerifier,
      nonce,
      request: authorizationParams(req),
    },
    now(),
  );
  const url = await upstreamAuthorizationUrl(
    config,
    provider,
    `${publicOrigin(c)}${upstreamCallbackPath(slug)}`,
    state,
    codeVerifier,
    nonce,
  );
  c.header('Cache-Control', 'no-store');
  return c.redirect(url.toString(), 302);
}

/**
 * GET /oauth/providers/{id}/callback: the provider's answer; ends in signIn() or a translated
 * error. An answer at another provider's URL than the sign-in went to is refused (mix-up).
 */
upstreamRoutes.get('/providers/:id/callback', async (c) => {
  const { db, now } = c.var.deps;
  const state = c.req.query('state');
  const pending = state ? await takePendingUpstream(db, state, now()) : undefined;
  const accepted = c.req.header('accept-language');
  if (!state || !pending || pending.providerSlug !== c.req.param('id')) {
    return sendPage(c, upstreamExpiredPage(negotiateLocale(accepted)), { status: 400 });
  }
  const locale = negotiateLocale(pending.request.ui_locales, accepted);
  const check = await checkAuthorizationRequest(c, pending.request);
  // Switched off during the round trip: as if it had been removed.
  const provider = await findEnabledIdentityProvider(db, pending.storeId, pending.providerSlug);
  if (check.kind !== 'ok' || check.request.store.id !== pending.storeId) {
    return sendPage(c, upstreamExpiredPage(locale), { status: 400 });
  }
  const req = check.request;
  if (!provider)
    return upstreamFailed(c, locale, req, { key: 'errProviderUnknown', name: '' }, 400);

  const answer = new URL(upstreamCallbackPath(pending.providerSlug), publicOrigin(c));
  answer.search = new URL(c.req.url).search;
  let claims: Awaited<ReturnType<typeof redeemUpstreamAnswer>>;
  try {
    const config = await providerConfiguration(provider);
    claims = await redeemUpstreamAnswer(config, answer, { ...pending, state });
  } catch (err) {
    logFailure(c, provider, 'callback', err);
    const name = provider.name;
    if (isUpstreamRefusal(err)) {
      return upstreamFailed(c, locale, req, { key: 'errProviderCancelled', name }, 400);
    }
    if (isUnreachable(err)) {
      return upstreamFailed(c, locale, req, { key: 'errProviderUnavailable', name }, 503);
    }
    return upstreamFailed(c, locale, req, { key: 'errProviderFailed', name }, 400);
  }
  const customer = await customerForUpstream(
    db,
    req.store.id,
    {
      issuer: claims.iss,
      subject: claims.sub,
      email: claims.email,
      emailVerified: claims.email_verified,
      name: claims.name,
    },
    now(),
  );
  if (!customer) {
    return upstreamFailed(c, locale, req, { key: 'errProviderEmail', name: provider.name }, 400);
  }
  return signIn(c, locale, req, customer.id);
});
