import { type AppContext, publicOrigin } from '../../context.js';
import { describeError } from '../../db/faults.js';
import { formFields } from '../../hosted/form.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { sendPage } from '../../hosted/layout.js';
import { isSameOriginPost } from '../../hosted/same-origin.js';
import { emailCodeMail } from '../../mail/email-code-mail.js';
import { createRouter } from '../../openapi.js';
import { bucketKey } from '../../rate-limit/buckets.js';
import {
  hitRateLimit,
  rateLimiterOf,
  rateLimitRule,
  withLimiter,
} from '../../rate-limit/middleware.js';
import {
  createEmailCode,
  type EmailCode,
  type EmailCodePurpose,
  findUsableLink,
  redeemEmailCode,
  redeemEmailLink,
} from '../../services/auth/email-codes.js';
import {
  findCustomerByEmail,
  findOrCreateCustomerByEmail,
  isPlausibleEmail,
  normalizeEmail,
  setCustomerPassword,
} from '../../services/customers.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../services/passwords.js';
import { offeredSignInMethods } from '../../services/sign-in-methods.js';
import { signIn } from './answer.js';
import {
  codePage,
  type EmailCodeError,
  emailRequestPage,
  linkErrorPage,
  linkPasswordPage,
} from './email-code-page.js';
import { readHostedPost } from './hosted-post.js';
import { invalidRequestPage } from './pages.js';
import { localeOf, refuse } from './refuse.js';
import {
  type AuthorizationRequest,
  authorizationParams,
  checkAuthorizationRequest,
} from './shared.js';

/**
 * The emailed one-time code (issue 12): a 6-digit code and a magic link in one mail, for
 * the authorization request the shopper started; either one ends in signIn(). The answer
 * is the same whether the address has an account or not.
 */
export const emailCodeRoutes = createRouter();

/** The page that refuses an emailed code where the store does not offer them, if it does not. */
function emailCodeOff(c: AppContext, locale: HostedLocale, req: AuthorizationRequest) {
  if (offeredSignInMethods(c.var.deps, req.store.settings).emailCode) return null;
  const page = emailRequestPage(locale, req, {
    purpose: 'signin',
    error: { key: 'errEmailCodeOff' },
  });
  return sendPage(c, page, { status: 400 });
}

/** A new password's problem, if any (one past the maximum is no password anyone typed). */
function passwordProblem(password: string): EmailCodeError | null {
  const fits = password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH;
  return fits ? null : { signin: 'errPasswordShort' };
}

/** Ends a spent code: the customer (created for a new address), their new password, signIn(). */
async function complete(c: AppContext, row: EmailCode, password: string | null) {
  const { deps } = c.var;
  const locale = row.locale as HostedLocale;
  const check = await checkAuthorizationRequest(c, row.request);
  if (check.kind !== 'ok') {
    return sendPage(c, invalidRequestPage(locale, 'invalidRequest'), { status: 400 });
  }
  const customer =
    row.purpose === 'reset'
      ? await findCustomerByEmail(deps.db, row.storeId, row.email)
      : await findOrCreateCustomerByEmail(deps.db, row.storeId, row.email, deps.now());
  // A reset code is mailed only to an account, so none here means it was deleted since.
  if (!customer) return sendPage(c, linkErrorPage(locale), { status: 400 });
  if (password !== null) await setCustomerPassword(deps.db, customer.id, password);
  return signIn(c, locale, check.request, customer.id);
}

emailCodeRoutes.get('/email-code/reset', async (c) => {
  const query = c.req.query();
  const locale = localeOf(c, query.ui_locales);
  const check = await checkAuthorizationRequest(c, query);
  if (check.kind !== 'ok') return refuse(c, locale, check);
  const req = check.request;
  return (
    emailCodeOff(c, locale, req) ?? sendPage(c, emailRequestPage(locale, req, { purpose: 'reset' }))
  );
});

/** A posted form of these pages: its request checked, its purpose and email read. */
async function readForm(c: AppContext) {
  const post = await readHostedPost(c);
  if ('refused' in post) return post;
  const off = emailCodeOff(c, post.locale, post.req);
  if (off) return { refused: off };
  const { fields } = post;
  // No password to reset in a store without passwords: the code just signs in.
  const resets =
    fields.purpose === 'reset' &&
    offeredSignInMethods(c.var.deps, post.req.store.settings).password;
  const purpose: EmailCodePurpose = resets ? 'reset' : 'signin';
  const email = normalizeEmail(fields.email ?? '').slice(0, 254);
  return { ...post, purpose, email };
}

emailCodeRoutes.post('/email-code', async (c) => {
  const form = await readForm(c);
  if ('refused' in form) return form.refused;
  const { req, locale, purpose, email } = form;
  const { deps } = c.var;
  const again = (error: EmailCodeError, status: 400 | 429 | 503) =>
    sendPage(c, emailRequestPage(locale, req, { purpose, email, error }), { status });
  if (!isPlausibleEmail(email)) return again({ signin: 'errEmail' }, 400);

  // Per client address, then per recipient: neither a script nor a victim's inbox floods.
  const byAddress = await hitRateLimit(c, 'email-codes', req.store.id);
  const perEmail = rateLimitRule(deps, 'email-codes-per-email');
  const byEmail = byAddress.allowed
    ? await withLimiter(c, () =>
        rateLimiterOf(deps).hit(
          { storeId: req.store.id, key: bucketKey('email-codes-per-email', email) },
          perEmail.limit,
          perEmail.windowMs,
        ),
      )
    : byAddress;
  if (!byEmail.allowed) {
    c.header('Retry-After', String(byEmail.retryAfterSeconds));
    return again({ signin: 'errRateLimited' }, 429);
  }

  const now = deps.now();
  const issued = await createEmailCode(
    deps.db,
    { storeId: req.store.id, email, purpose, request: authorizationParams(req), locale },
    now,
  );
  // A reset is mailed only to an account; a sign-in to any address (it makes the account).
  const mailed = purpose === 'signin' || (await findCustomerByEmail(deps.db, req.store.id, email));
  if (mailed) {
    const link = `${publicOrigin(c)}/oauth/email-code/link?token=${issued.linkToken}`;
    try {
      const mail = await emailCodeMail({
        locale,
        to: email,
        store: req.store.name,
        purpose,
        code: issued.code,
        link,
      });
      await deps.mailer!.send(mail);
    } catch (err) {
      deps.log.warn('sign-in mail not sent', {
        requestId: c.get('requestId'),
        ...describeError(err),
      });
      return again({ key: 'errMailFailed' }, 503);
    }
  }
  return sendPage(c, codePage(locale, req, { id: issued.id, email, purpose }));
});

emailCodeRoutes.post('/email-code/verify', async (c) => {
  const form = await readForm(c);
  if ('refused' in form) return form.refused;
  const { req, locale, purpose, email, fields } = form;
  const { deps } = c.var;
  const id = fields.id ?? '';
  const code = (fields.code ?? '').replace(/\s/g, '');
  const password = purpose === 'reset' ? (fields.password ?? '') : null;
  const again = (error: EmailCodeError) =>
    sendPage(c, codePage(locale, req, { id, email, purpose, error }), { status: 400 });
  const weak = password === null ? null : passwordProblem(password);
  if (weak) return again(weak);
  const valid = /^[0-9a-f-]{36}$/.test(id) && /^\d{6}$/.test(code);
  const row = valid
    ? await redeemEmailCode(deps.db, { storeId: req.store.id, id, purpose }, code, deps.now())
    : null;
  if (!row) return again({ key: 'errCode' });
  return complete(c, row, password);
});

emailCodeRoutes.get('/email-code/link', async (c) => {
  const token = c.req.query('token') ?? '';
  const locale = localeOf(c, undefined);
  if (!token || token.length > 100) return sendPage(c, linkErrorPage(locale), { status: 400 });
  const { deps } = c.var;
  const pending = await findUsableLink(deps.db, token, deps.now());
  if (pending?.purpose === 'reset') {
    return sendPage(c, linkPasswordPage(pending.locale as HostedLocale, { token }));
  }
  const row = pending ? await redeemEmailLink(deps.db, token, deps.now()) : null;
  if (!row) return sendPage(c, linkErrorPage(locale), { status: 400 });
  return complete(c, row, null);
});

emailCodeRoutes.post('/email-code/link', async (c) => {
  const fields = await formFields(c);
  const token = fields.token ?? '';
  const password = fields.password ?? '';
  const { deps } = c.var;
  const locale = localeOf(c, undefined);
  if (!isSameOriginPost(c)) {
    return sendPage(c, invalidRequestPage(locale, 'errForeignPost'), { status: 400 });
  }
  const pending =
    token.length <= 100 ? await findUsableLink(deps.db, token, deps.now()) : undefined;
  if (pending?.purpose !== 'reset') {
    return sendPage(c, linkErrorPage(locale), { status: 400 });
  }
  const weak = passwordProblem(password);
  if (weak) {
    const page = linkPasswordPage(pending.locale as HostedLocale, { token, error: weak });
    return sendPage(c, page, { status: 400 });
  }
  const row = await redeemEmailLink(deps.db, token, deps.now());
  if (!row) return sendPage(c, linkErrorPage(locale), { status: 400 });
  return complete(c, row, password);
});
