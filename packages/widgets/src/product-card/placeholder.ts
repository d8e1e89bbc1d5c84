/**
 * Page CSS that gives `<kiosk-product-card>` its final size before its code has loaded (the
 * CDN loader adopts it into the document, CSP-safe): the card's rows have fixed block sizes
 * (product-card.styles.ts), so its height is its width (the square image) plus a constant.
 * Keep the constants in step with the styles; the cards-page bench measures the shift.
 */
const gap = 'var(--kiosk-product-card-gap,.5rem)';
const line = (size: string) => `${size}*1.35`;
const title = `2*${line('var(--kiosk-product-card-title-size,1rem)')}`;
/** title + prices + rating + options + stock + actions, 5 gaps between them. */
const body = `${title} + ${line('1.125rem')} + ${line('.875rem')} + 5rem + ${line('.875rem')} + 2.25rem + 5*${gap}`;
const status = line('.875rem');

export const productCardPlaceholderCss = `kiosk-product-card:not(:defined){display:block}
kiosk-product-card:not(:defined):not([layout=row]):not([layout=compact])::before{content:"";display:block;padding-block-start:calc(100% + ${body} + 2*${gap} + ${status})}`;
