import { html } from 'hono/html';
import type { SignInMethods } from '../../db/types.js';
import { type HostedLocale, translator } from '../../hosted/i18n.js';
import { layout } from '../../hosted/layout.js';
import { type EmailCodeKey, emailCodeMessages } from '../../hosted/messages/email-code.js';
import { type SigninKey, signinMessages } from '../../hosted/messages/signin.js';
import type { EmailCodePurpose } from '../../services/auth/email-codes.js';
import type { SigninForm } from './pages.js';
import { popupPresence } from './popup-presence.js';
import { requestFields } from './request-fields.js';
import { type AuthorizationRequest, authorizationParams } from './shared.js';

/** An error of these pages: from their own texts or the sign-in page's (errEmail, …). */
export type EmailCodeError = { key: EmailCodeKey } | { signin: SigninKey };

function texts(locale: HostedLocale) {
  const tr = translator(emailCodeMessages, locale);
  const ts = translator(signinMessages, locale);
  const error = (e: EmailCodeError | undefined) =>
    e ? ('key' in e ? tr(e.key) : ts(e.signin)) : '';
  return { tr, ts, error };
}

function emailInput(locale: HostedLocale, email: string | undefined, focus: boolean) {
  const { ts } = texts(locale);
  return html`<label for="code-email">${ts('email')}</label>
<input id="code-email" name="email" type="email" autocomplete="email" inputmode="email" autocapitalize="none" spellcheck="false" required maxlength="254" value="${email ?? ''}"${focus ? html` autofocus` : ''}>`;
}

function resetHref(req: AuthorizationRequest): string {
  return `/oauth/email-code/reset?${new URLSearchParams(authorizationParams(req)).toString()}`;
}

/**
 * Beside the password form's own submit: the same email field, posted to the emailed code
 * instead (no password needed, so the browser does not ask for one).
 */
export function emailCodeButton(locale: HostedLocale) {
  const { tr } = texts(locale);
  return html`<p class="muted">${tr('or')}</p>
<button type="submit" class="secondary" formaction="/oauth/email-code" formnovalidate name="purpose" value="signin">${tr('emailCodeSubmit')}</button>`;
}

/**
 * The sign-in page's part below the forms: "Forgot password?" beside a password form, else
 * the emailed code's own form (a store without passwords).
 */
export function emailCodeSection(
  locale: HostedLocale,
  req: AuthorizationRequest,
  form: SigninForm,
  offered: SignInMethods,
) {
  const { tr } = texts(locale);
  if (offered.password) {
    return form.intent === 'create'
      ? ''
      : html`<p class="muted"><a href="${resetHref(req)}">${tr('forgotPassword')}</a></p>`;
  }
  return html`<form id="kiosk-email-code" method="post" action="/oauth/email-code">
${requestFields(req)}
<input type="hidden" name="purpose" value="signin">
${emailInput(locale, form.email, true)}
<button type="submit">${tr('emailCodeSubmit')}</button>
</form>`;
}

/** Asks for the address to mail a code to: the reset page, and either purpose after an error. */
export function emailRequestPage(
  locale: HostedLocale,
  req: AuthorizationRequest,
  input: { purpose: EmailCodePurpose; email?: string; error?: EmailCodeError },
) {
  const { tr, ts, error } = texts(locale);
  const reset = input.purpose === 'reset';
  const title = reset ? tr('resetTitle') : ts('signInTitle');
  const body = html`<h1>${reset ? title : ts('signInHeading', { store: req.store.name })}</h1>
<p id="form-error" class="error" role="alert">${error(input.error)}</p>
${reset ? html`<p>${tr('resetIntro')}</p>` : ''}
<form id="kiosk-email-code" method="post" action="/oauth/email-code">
${requestFields(req)}
<input type="hidden" name="purpose" value="${input.purpose}">
${emailInput(locale, input.email, true)}
<button type="submit">${tr(reset ? 'resetSubmit' : 'emailCodeSubmit')}</button>
</form>
${popupPresence(req)}`;
  return layout({ locale, title: `${title} · ${req.store.name}`, body });
}

function newPasswordInput(locale: HostedLocale) {
  const { tr, ts } = texts(locale);
  return html`<label for="new-password">${tr('newPassword')}</label>
<input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="8" maxlength="1024" aria-describedby="password-hint">
<p id="password-hint" class="hint">${ts('passwordHint')}</p>`;
}

/** "Enter your code" (and, for a reset, the new password) after the mail was sent. */
export function codePage(
  locale: HostedLocale,
  req: AuthorizationRequest,
  input: { id: string; email: string; purpose: EmailCodePurpose; error?: EmailCodeError },
) {
  const { tr, error } = texts(locale);
  const reset = input.purpose === 'reset';
  const body = html`<h1>${tr('codeTitle')}</h1>
<p id="form-error" class="error" role="alert">${error(input.error)}</p>
<p role="status">${tr('codeSent', { email: input.email })}</p>
<form id="kiosk-email-code" method="post" action="/oauth/email-code/verify">
${requestFields(req)}
<input type="hidden" name="id" value="${input.id}">
<input type="hidden" name="email" value="${input.email}">
<input type="hidden" name="purpose" value="${input.purpose}">
<label for="code">${tr('code')}</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus aria-describedby="code-hint">
<p id="code-hint" class="hint">${tr('codeHint')}</p>
${reset ? newPasswordInput(locale) : ''}
<button type="submit">${tr(reset ? 'setPasswordSubmit' : 'codeSubmit')}</button>
</form>
${popupPresence(req, { away: true })}`;
  return layout({ locale, title: `${tr('codeTitle')} · ${req.store.name}`, body });
}

/** A reset's magic link opens this: the new password, then the same request signs in. */
export function linkPasswordPage(
  locale: HostedLocale,
  input: { token: string; error?: EmailCodeError },
) {
  const { tr, error } = texts(locale);
  const body = html`<h1>${tr('resetTitle')}</h1>
<p id="form-error" class="error" role="alert">${error(input.error)}</p>
<form id="kiosk-email-code" method="post" action="/oauth/email-code/link">
<input type="hidden" name="token" value="${input.token}">
${newPasswordInput(locale)}
<button type="submit">${tr('setPasswordSubmit')}</button>
</form>`;
  return layout({ locale, title: tr('resetTitle'), body });
}

/** A link that cannot be used (expired, spent, unknown). */
export function linkErrorPage(locale: HostedLocale) {
  const { tr, ts } = texts(locale);
  const body = html`<h1>${ts('invalidTitle')}</h1>
<p class="error" role="alert">${tr('errLink')}</p>`;
  return layout({ locale, title: ts('invalidTitle'), body });
}
