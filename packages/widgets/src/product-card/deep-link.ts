/**
 * A message's link opens the page with `?kiosk_product=<handle>` (CONTRACT §6): the first card of
 * that product to render is scrolled to and its title focused. The title, not the add button:
 * a screen reader then says which product the link was about, and the next Tab reaches the
 * options and the button. Never once the shopper has moved on their own (a press, a key, a
 * scroll): the link must not pull focus away from them.
 */
let linked: string | null = new URLSearchParams(globalThis.location?.search).get('kiosk_product');

if (linked) {
  // The product the link was about counts as viewed (the device's recently viewed list).
  // (Offline, its chunk may not load: only the list misses this one; the console says why.)
  const product = linked;
  void import('@kiosk/sdk/recently-viewed').then((m) => m.rememberViewed(product));
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchmove']) {
    addEventListener(type, () => (linked = null), { capture: true, once: true, passive: true });
  }
}

/** Takes the page's deep link to `card` if it names `product` (by handle or id). */
export function focusIfLinked(card: HTMLElement, product: { id: string; handle: string }) {
  const title = card.shadowRoot?.querySelector<HTMLElement>('[part=title]');
  if (!title || (linked !== product.handle && linked !== product.id)) return;
  linked = null;
  title.tabIndex = -1;
  // The card centred; a card taller than the screen then scrolls on until its title shows.
  card.scrollIntoView({ block: 'center' });
  title.focus();
}
