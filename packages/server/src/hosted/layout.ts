import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { directionOf, type HostedLocale } from './i18n.js';

/**
 * Hosted pages (sign-in, checkout) are rendered on the server with hono/html, which
 * escapes every interpolated value. They load only same-origin scripts and styles from
 * /assets, so the CSP needs no 'unsafe-inline', and they refuse to be framed.
 */
export function hostedCsp(formActions: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `form-action 'self'${formActions.map((o) => ` ${o}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export interface PageOptions {
  locale: HostedLocale;
  title: string;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
  /** Same-origin scripts from /assets, e.g. ['signin.js']. */
  scripts?: string[];
}

export function layout({ locale, title, body, scripts = [] }: PageOptions) {
  return html`<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/assets/hosted.css">
${scripts.map((s) => html`<script src="/assets/${s}" defer></script>`)}
</head>
<body>
<main class="card">${body}</main>
</body>
</html>`;
}

/** Sends a hosted page with its security headers. */
export function sendPage(
  c: Context,
  page: HtmlEscapedString | Promise<HtmlEscapedString>,
  options: {
    status?: 200 | 400 | 401 | 404 | 409 | 422 | 429 | 503;
    formActions?: string[];
  } = {},
) {
  c.header('Content-Security-Policy', hostedCsp(options.formActions));
  c.header('X-Frame-Options', 'DENY');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  return c.html(page, options.status ?? 200);
}
