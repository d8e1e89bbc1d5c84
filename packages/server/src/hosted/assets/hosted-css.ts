/** Styles shared by every hosted page: system font, logical properties (RTL), dark mode. */
export const hostedCss = `
:root { color-scheme: light dark; --accent: #4f46e5; --fg: #111827; --muted: #6b7280; --bg: #f9fafb; --card: #fff; --border: #d1d5db; --danger: #b91c1c; }
@media (prefers-color-scheme: dark) { :root { --fg: #f3f4f6; --muted: #9ca3af; --bg: #111827; --card: #1f2937; --border: #374151; --danger: #f87171; } }
* { box-sizing: border-box; }
body { margin: 0; min-block-size: 100vh; display: grid; place-items: center; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
.card { inline-size: min(28rem, 100% - 2rem); margin-block: 2rem; padding: 2rem; background: var(--card); border: 1px solid var(--border); border-radius: 12px; }
h1 { font-size: 1.5rem; margin-block: 0 1rem; }
label { display: block; font-weight: 600; margin-block: 1rem 0.25rem; }
input, textarea { inline-size: 100%; padding: 0.625rem 0.75rem; font: inherit; color: inherit; background: transparent; border: 1px solid var(--border); border-radius: 8px; }
select { inline-size: 100%; padding: 0.625rem 0.75rem; font: inherit; color: inherit; background: var(--card); border: 1px solid var(--border); border-radius: 8px; }
fieldset.methods { border: 1px solid var(--border); border-radius: 8px; padding: 0.5rem 1rem 0.75rem; margin: 1rem 0 0; }
fieldset.methods legend { font-weight: 600; padding-inline: 0.25rem; }
.method { display: grid; grid-template-columns: auto 1fr; column-gap: 0.5rem; align-items: center; margin-block-start: 0.5rem; }
.method input[type="radio"] { inline-size: auto; margin: 0; accent-color: var(--accent); }
.method label { margin: 0; }
.method .hint { grid-column: 2; margin: 0.125rem 0 0; }
[data-voucher] dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
[data-voucher] dt { color: var(--muted); }
[data-voucher] dd { margin: 0; font-weight: 600; }
[data-voucher] code { font-size: 1.125rem; letter-spacing: 0.05em; unicode-bidi: isolate; direction: ltr; }
input:focus-visible, select:focus-visible, textarea:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button { margin-block-start: 1.5rem; inline-size: 100%; padding: 0.75rem; font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 8px; cursor: pointer; }
button.secondary { margin-block-start: 0.5rem; color: var(--accent); background: transparent; border: 1px solid var(--accent); }
.hint, .muted { color: var(--muted); font-size: 0.875rem; }
.error { color: var(--danger); font-weight: 600; }
[role="alert"]:empty { display: none; }
a { color: var(--accent); }
.upstream-provider { display: block; margin-block-start: 0.75rem; padding: 0.75rem; text-align: center; font-weight: 600; color: var(--fg); text-decoration: none; border: 1px solid var(--border); border-radius: 8px; }
.upstream-or { text-align: center; margin-block: 1rem 0; }
fieldset { margin: 0; padding: 0; border: 0; }
legend h2 { margin-block-end: 0; }
.field-row { display: flex; flex-wrap: wrap; gap: 0 0.75rem; }
.field-row > .field { flex: 1 1 8rem; }
.field-error { margin-block: 0.25rem 0; font-size: 0.875rem; }
.rate { display: grid; grid-template-columns: auto 1fr auto; gap: 0 0.5rem; align-items: center; margin-block: 0.5rem 0; padding: 0.75rem; font-weight: 400; border: 1px solid var(--border); border-radius: 8px; cursor: pointer; }
.rate input { inline-size: auto; grid-row: span 2; }
.rate-estimate { grid-column: 2 / 4; }
address { font-style: normal; }
table { inline-size: 100%; border-collapse: collapse; }
td, th { padding-block: 0.25rem; text-align: start; }
td:last-child, th:last-child { text-align: end; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
