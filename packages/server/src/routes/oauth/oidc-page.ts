import { html } from 'hono/html';
import { type HostedLocale, translator } from '../../hosted/i18n.js';
import { layout } from '../../hosted/layout.js';
import { type OidcKey, oidcMessages } from '../../hosted/messages/oidc.js';
import { type AuthorizationRequest, authorizationParams } from './shared.js';

/** The store's upstream providers on the sign-in page, and what went wrong with one, if anything. */
export interface UpstreamChoices {
  providers: { slug: string; name: string }[];
  error?: { key: OidcKey; name: string };
}

/** The authorize URL of the same request with `provider=`: it goes straight to that provider. */
export function providerHref(req: AuthorizationRequest, slug: string): string {
  const q = new URLSearchParams({ ...authorizationParams(req), provider: slug });
  return `/oauth/authorize?${q.toString()}`;
}

/** "Continue with Google" links above the password form (nothing when the store has none). */
export function upstreamSection(
  locale: HostedLocale,
  req: AuthorizationRequest,
  choices: UpstreamChoices | undefined,
) {
  if (!choices || (choices.providers.length === 0 && !choices.error)) return '';
  const tr = translator(oidcMessages, locale);
  const error = choices.error;
  return html`<section id="kiosk-upstream" class="upstream">
${error ? html`<p id="upstream-error" class="error" role="alert">${tr(error.key, { name: error.name })}</p>` : ''}
${choices.providers.map(
  (p) =>
    html`<a class="upstream-provider" href="${providerHref(req, p.slug)}" data-provider="${p.slug}">${tr('continueWith', { name: p.name })}</a>`,
)}
${choices.providers.length ? html`<p class="upstream-or muted">${tr('or')}</p>` : ''}
</section>`;
}

/** A provider's answer that no sign-in is waiting for (expired, replayed or forged). */
export function upstreamExpiredPage(locale: HostedLocale) {
  const tr = translator(oidcMessages, locale);
  const body = html`<h1>${tr('expiredTitle')}</h1>
<p class="error" role="alert">${tr('errExpired')}</p>`;
  return layout({ locale, title: tr('expiredTitle'), body });
}
