import { html } from 'lit';

/**
 * Shares the page (with the attribution `ref` in its URL) through the system share sheet, or
 * copies its URL where there is none or it is not allowed. Says what the shopper should hear:
 * 'copied' or 'failed' after a copy, nothing after the share sheet (it speaks for itself).
 */
export async function shareLink(
  title: string,
  ref: string | undefined,
): Promise<'copied' | 'failed' | undefined> {
  const url = new URL(location.href);
  if (ref) url.searchParams.set('kiosk_ref', ref);
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, url: url.href });
      return;
    } catch (error) {
      if ((error as DOMException).name === 'AbortError') return;
      // not allowed here: fall back to copying
    }
  }
  try {
    await navigator.clipboard.writeText(url.href);
    return 'copied';
  } catch {
    return 'failed';
  }
}

/** The share icon button (`part="share"`); `label` names what it shares. */
export function shareButton(label: string, share: () => void) {
  return html`<button class="icon" part="share" type="button" aria-label=${label} @click=${share}>
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      <circle cx="18" cy="5" r="3"></circle><circle cx="6" cy="12" r="3"></circle><circle cx="18" cy="19" r="3"></circle>
      <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4"></path>
    </svg>
  </button>`;
}
