import { html } from 'hono/html';
import type { Intent } from './pages.js';
import { type AuthorizationRequest, authorizationParams } from './shared.js';

/** The authorization request as a form's hidden fields, for a POST that goes on with it. */
export function requestFields(req: AuthorizationRequest) {
  return html`<input type="hidden" name="response_type" value="code">
<input type="hidden" name="client_id" value="${req.clientId}">
<input type="hidden" name="redirect_uri" value="${req.redirectUri}">
<input type="hidden" name="code_challenge" value="${req.codeChallenge}">
<input type="hidden" name="code_challenge_method" value="S256">
<input type="hidden" name="state" value="${req.state}">
<input type="hidden" name="response_mode" value="${req.responseMode}">
${req.uiLocales ? html`<input type="hidden" name="ui_locales" value="${req.uiLocales}">` : ''}`;
}

/** The authorize URL for the same request in the other intent (the sign-in/create toggle). */
export function toggleHref(req: AuthorizationRequest, intent: Intent): string {
  const q = new URLSearchParams(authorizationParams(req));
  if (intent === 'create') q.set('prompt', 'create');
  return `/oauth/authorize?${q.toString()}`;
}
