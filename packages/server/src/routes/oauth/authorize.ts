import { clientIp } from '../../client-ip.js';
import type { AppContext } from '../../context.js';
import { describeError } from '../../db/faults.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import type { SigninKey } from '../../hosted/messages/signin.js';
import { createRouter } from '../../openapi.js';
import { hitRateLimit, rateLimiterOf, withLimiter } from '../../rate-limit/middleware.js';
import { beginSigninAttempt } from '../../services/auth/rate-limit.js';
import {
  authenticateCustomer,
  isPlausibleEmail,
  normalizeEmail,
  registerCustomer,
} from '../../services/customers.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../services/passwords.js';
import { offeredSignInMethods } from '../../services/sign-in-methods.js';
import { signIn } from './answer.js';
import { readHostedPost } from './hosted-post.js';
import { startUpstream, upstreamChoices } from './oidc.js';
import { type Field, type Intent, signinPage } from './pages.js';
import { localeOf, refuse } from './refuse.js';
import { type AuthorizationRequest, checkAuthorizationRequest } from './shared.js';

/** GET/POST /oauth/authorize: the hosted sign-in and create-account page (RFC 6749 §4.1.1). */
export const authorizeRoutes = createRouter();

async function showForm(
  c: AppContext,
  locale: HostedLocale,
  req: AuthorizationRequest,
  form: Parameters<typeof signinPage>[2],
  status: 200 | 400 | 401 | 409 | 429 = 200,
) {
  const offered = offeredSignInMethods(c.var.deps, req.store.settings);
  // form-action covers the 302 to the client that answers the form's POST.
  const upstream = await upstreamChoices(c, req.store.id);
  return sendPage(c, signinPage(locale, req, { ...form, upstream }, offered), {
    status,
    formActions: [req.redirectOrigin],
  });
}

authorizeRoutes.get('/authorize', async (c) => {
  const query = c.req.query();
  const locale = localeOf(c, query.ui_locales);
  const check = await checkAuthorizationRequest(c, query);
  if (check.kind !== 'ok') return refuse(c, locale, check);
  if (query.provider !== undefined) return startUpstream(c, locale, check.request, query.provider);
  const intent: Intent = check.request.prompt?.split(' ').includes('create') ? 'create' : 'signin';
  return showForm(c, locale, check.request, { intent });
});

authorizeRoutes.post('/authorize', async (c) => {
  const post = await readHostedPost(c);
  if ('refused' in post) return post.refused;
  const { req, locale, fields } = post;
  const { deps } = c.var;
  const now = deps.now();

  const intent: Intent = fields.intent === 'create' ? 'create' : 'signin';
  const email = normalizeEmail(fields.email ?? '').slice(0, 254);
  const name = (fields.name ?? '').trim();
  const password = fields.password ?? '';
  const again = (error: SigninKey, invalid: Field[], status: 400 | 401 | 409 | 429) =>
    showForm(c, locale, req, { intent, email, name, error, invalid }, status);

  if (!offeredSignInMethods(deps, req.store.settings).password) {
    return again('errPasswordOff', [], 400);
  }
  if (intent === 'create' && (name.length < 1 || name.length > 100)) {
    return again('errName', ['name'], 400);
  }
  if (!isPlausibleEmail(email)) return again('errEmail', ['email'], 400);
  if (!password) return again('errPasswordRequired', ['password'], 400);
  if (password.length > MAX_PASSWORD_LENGTH) {
    return again('errInvalidCredentials', ['password'], 400);
  }
  if (intent === 'create' && password.length < MIN_PASSWORD_LENGTH) {
    return again('errPasswordShort', ['password'], 400);
  }

  const tooMany = (retryAfterSeconds: number) => {
    c.header('Retry-After', String(retryAfterSeconds));
    return again('errRateLimited', [], 429);
  };
  if (intent === 'create') {
    const accounts = await hitRateLimit(c, 'accounts', req.store.id);
    if (!accounts.allowed) return tooMany(accounts.retryAfterSeconds);
  }
  const limiter = rateLimiterOf(deps);
  const attempt = await withLimiter(c, () =>
    beginSigninAttempt(limiter, req.store.id, email, clientIp(c)),
  );
  if (!attempt.allowed) return tooMany(attempt.retryAfterSeconds);

  // A taken email on create counts as a failure, like a wrong password.
  const customer =
    intent === 'create'
      ? await registerCustomer(deps.db, req.store.id, { email, name, password }, now)
      : await authenticateCustomer(deps.db, req.store.id, email, password);
  if (!customer) {
    return intent === 'create'
      ? again('errEmailTaken', ['email'], 409)
      : again('errInvalidCredentials', ['email', 'password'], 401);
  }
  // Settling a success only loosens the counts: if the limiter has just gone, sign in anyway.
  await attempt.succeeded().catch((err: unknown) =>
    deps.log.warn('rate limiter unavailable', {
      requestId: c.get('requestId'),
      ...describeError(err),
    }),
  );

  return signIn(c, locale, req, customer.id);
});
