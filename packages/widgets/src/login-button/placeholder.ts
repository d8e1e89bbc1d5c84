/**
 * The box `<kiosk-login-button>` occupies in every state — before its code loads, while it
 * restores a session, signed out ("Sign in") and signed in (avatar and points) — so a header
 * holding it never moves. The element's styles (login-button.styles.ts) use the same values;
 * the CDN loader (and kiosk.css) give them to the not-yet-defined element. The inline size is in `em` because it
 * holds text: the longest label (Spanish "Iniciar sesión") fits at the page's font size.
 */
export const loginButtonPlaceholderCss =
  'kiosk-login-button:not(:defined){display:inline-block;vertical-align:middle;flex-shrink:0;inline-size:var(--kiosk-login-button-width,8em);block-size:var(--kiosk-login-button-height,2.5rem)}';
