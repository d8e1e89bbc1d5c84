import { html } from 'hono/html';
import type { SignInMethods } from '../../db/types.js';
import type { HostedLocale } from '../../hosted/i18n.js';
import { translator } from '../../hosted/i18n.js';
import { layout } from '../../hosted/layout.js';
import { type SigninKey, signinMessages } from '../../hosted/messages/signin.js';
import { emailCodeButton, emailCodeSection } from './email-code-page.js';
import { type UpstreamChoices, upstreamSection } from './oidc-page.js';
import { emailAutocomplete, passkeySection } from './passkeys-page.js';
import { popupPresence } from './popup-presence.js';
import { requestFields, toggleHref } from './request-fields.js';
import type { AuthorizationRequest } from './shared.js';

export type Intent = 'signin' | 'create';
export type Field = 'name' | 'email' | 'password';

export interface SigninForm {
  intent: Intent;
  /** Echoed back after an error (escaped by hono/html); the password never is. */
  email?: string;
  name?: string;
  error?: SigninKey;
  /** Fields the error is about: marked aria-invalid and described by the error. */
  invalid?: Field[];
  /** The store's upstream identity providers (oidc-page.ts). */
  upstream?: UpstreamChoices;
}

function t(locale: HostedLocale) {
  return translator(signinMessages, locale);
}

function fieldAttrs(form: SigninForm, field: Field, describedBy: string[] = []) {
  const invalid = form.invalid?.includes(field) ?? false;
  const ids = [...describedBy, ...(invalid ? ['form-error'] : [])];
  const first =
    form.invalid?.[0] === field || (!form.invalid?.length && defaultFocus(form) === field);
  return html`${invalid ? html` aria-invalid="true"` : ''}${ids.length ? html` aria-describedby="${ids.join(' ')}"` : ''}${first ? html` autofocus` : ''}`;
}

function defaultFocus(form: SigninForm): Field {
  return form.intent === 'create' ? 'name' : 'email';
}

export function signinPage(
  locale: HostedLocale,
  req: AuthorizationRequest,
  form: SigninForm,
  offered: SignInMethods,
) {
  const tr = t(locale);
  const create = form.intent === 'create' && offered.password;
  const title = tr(create ? 'createTitle' : 'signInTitle');
  const body = html`<h1>${tr(create ? 'createHeading' : 'signInHeading', { store: req.store.name })}</h1>
<p id="form-error" class="error" role="alert">${form.error ? tr(form.error) : ''}</p>
${upstreamSection(locale, req, form.upstream)}
${offered.password ? passwordForm(locale, req, form, offered) : ''}
${offered.emailCode ? emailCodeSection(locale, req, form, offered) : ''}
${passkeySection(locale, req, form.intent)}
${popupPresence(req)}`;
  return layout({ locale, title: `${title} · ${req.store.name}`, body, scripts: ['signin.js'] });
}

/** Email and password: sign in, or create an account (the toggle below the form). */
function passwordForm(
  locale: HostedLocale,
  req: AuthorizationRequest,
  form: SigninForm,
  offered: SignInMethods,
) {
  const tr = t(locale);
  const create = form.intent === 'create';
  return html`<form id="kiosk-signin" method="post" action="/oauth/authorize">
${requestFields(req)}
<input type="hidden" name="intent" value="${form.intent}">
${
  create
    ? html`<label for="name">${tr('name')}</label>
<input id="name" name="name" type="text" autocomplete="name" required maxlength="100" value="${form.name ?? ''}"${fieldAttrs(form, 'name')}>`
    : ''
}
<label for="email">${tr('email')}</label>
<input id="email" name="email" type="email" autocomplete="${emailAutocomplete(req, form.intent)}" inputmode="email" autocapitalize="none" spellcheck="false" required maxlength="254" value="${form.email ?? ''}"${fieldAttrs(form, 'email')}>
<label for="password">${tr('password')}</label>
${
  create
    ? html`<input id="password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="1024"${fieldAttrs(form, 'password', ['password-hint'])}>
<p id="password-hint" class="hint">${tr('passwordHint')}</p>`
    : html`<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"${fieldAttrs(form, 'password')}>`
}
<button type="submit">${tr(create ? 'createSubmit' : 'signInSubmit')}</button>
${offered.emailCode ? emailCodeButton(locale) : ''}
</form>
<p class="muted"><a href="${toggleHref(req, create ? 'signin' : 'create')}">${tr(create ? 'toSignIn' : 'toCreate')}</a></p>`;
}

export function invalidRequestPage(
  locale: HostedLocale,
  reason:
    | 'invalidClient'
    | 'invalidRedirect'
    | 'invalidRequest'
    | 'errStateTaken'
    | 'errForeignPost',
  detail?: string,
) {
  const tr = t(locale);
  const body = html`<h1>${tr('invalidTitle')}</h1>
<p class="error" role="alert">${tr(reason)}</p>
${detail ? html`<p class="hint"><code>${detail}</code></p>` : ''}
<p>${tr('invalidAdvice')}</p>`;
  return layout({ locale, title: tr('invalidTitle'), body });
}

/**
 * The end of a web_message (popup) sign-in: the result sits in data-* attributes for
 * /assets/oauth-callback.js, which posts it to the exact origin of the redirect URI.
 */
export function callbackPage(
  locale: HostedLocale,
  input: {
    origin: string;
    state: string;
    issuer: string;
    code?: string;
    error?: string;
    errorDescription?: string;
  },
) {
  const tr = t(locale);
  const failed = Boolean(input.error);
  const body = html`<div id="kiosk-callback" hidden data-origin="${input.origin}" data-state="${input.state}" data-iss="${input.issuer}"${input.code ? html` data-code="${input.code}"` : ''}${input.error ? html` data-error="${input.error}" data-error-description="${input.errorDescription ?? ''}"` : ''}></div>
<h1>${failed ? tr('invalidTitle') : tr('callbackTitle')}</h1>
<p id="kiosk-returning" role="status">${failed ? '' : tr('callbackReturning')}</p>
<p id="kiosk-close" hidden>${failed ? tr('callbackError') : tr('callbackClose')}</p>
<noscript><p>${failed ? tr('callbackError') : tr('callbackClose')}</p></noscript>`;
  return layout({
    locale,
    title: failed ? tr('invalidTitle') : tr('callbackTitle'),
    body,
    scripts: ['oauth-callback.js'],
  });
}
