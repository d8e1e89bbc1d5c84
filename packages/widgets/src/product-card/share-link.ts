import { html } from 'lit';

/**
 * The share icon button (`part="share"`); `label` names what it shares. It opens and closes
 * the card's share panel (share-panel.ts, region `share`) and says whether it is open.
 */
export function shareButton(label: string, open: boolean, toggle: () => void) {
  return html`<button
    class="icon"
    part="share"
    type="button"
    aria-label=${label}
    aria-expanded=${open}
    aria-controls="share"
    @click=${toggle}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      <circle cx="18" cy="5" r="3"></circle><circle cx="6" cy="12" r="3"></circle><circle cx="18" cy="19" r="3"></circle>
      <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4"></path>
    </svg>
  </button>`;
}
