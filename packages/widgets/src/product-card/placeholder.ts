/**
 * Page CSS that gives `<kiosk-product-card>` its final size before its code has loaded (the
 * CDN loader adopts it into the document, CSP-safe). The card's rows have fixed block sizes for
 * a given card width (product-card.styles.ts), so its height is known from its width alone:
 * the same numbers and thresholds, as container queries on the undefined element itself (its
 * `::before` queries it). Thresholds on the details column become thresholds on the card's
 * width with the default padding and a 1 px border; heights follow the custom properties.
 * test/hostile/product-card.test.ts compares this reservation with the loaded card of every
 * layout at widths across every threshold, and measures the shift of an upgrade.
 */

/** The card's numbers in rem, as product-card.styles.ts has them. */
const m = {
  /** Line height of the card's text (unitless). */
  line: 1.35,
  /** Block size of every control (selects, stepper, add, price alert and share buttons). */
  control: 2.25,
  /** Default `--kiosk-product-card-padding` and `--kiosk-product-card-gap`. */
  padding: 0.75,
  gap: 0.5,
  /** Default image column of the row and compact layouts. */
  rowImage: 7,
  compactImage: 3.5,
  /** Column gap beside the row layout's image. */
  rowColumnGap: 1,
  /**
   * Widths of the details column where the controls rearrange. Below `narrow`: quantity, add
   * and share each get a row, option labels sit above their selects and the stock line may
   * wrap. From `wide`: quantity, add, price alert and share share one row (two lines of the
   * longest add label fit between them). Between: quantity and the icon buttons, then add on a
   * row of its own.
   */
  narrow: 12.5,
  wide: 21,
  /** Card widths from which a row card puts its image beside the details, and a compact card its button beside the title. */
  rowSideBySide: 22,
  compactOneRow: 26,
} as const;

/** A card rendered on the server (`ssr`, @kiosk/widgets/ssr) has its content: no box to reserve. */
const tag = 'kiosk-product-card:not(:defined,[ssr])';
const rem = (n: number) => `${n}rem`;
const c = rem(m.control);
const gap = 'var(--g)';
/** Details-column width `w` as a card width (stacked: padding and border on both sides). */
const stacked = (w: number) => `calc(${rem(w + 2 * m.padding)} + 2px)`;
/** The same beside the row layout's image. */
const beside = (w: number) => `calc(${rem(w + 2 * m.padding + m.rowImage + m.rowColumnGap)} + 2px)`;

/** Rows of the details column: options (--o), stock (--k) and actions (--a) depend on its width. */
const mid = `--o:calc(2*${c} + ${gap});--k:var(--s);--a:calc(2*${c} + ${gap})`;
const narrow = `--o:calc(2*(var(--s) + .25rem + ${c}) + ${gap});--k:calc(2*var(--s));--a:calc(3*${c} + 2*${gap})`;
const wide = `--a:${c}`;
const body = `calc(2*var(--kiosk-product-card-title-size,1rem)*${m.line} + 1.125rem*${m.line} + var(--s) + var(--o) + var(--k) + var(--a) + 5*${gap})`;
const compactImage = `min(var(--kiosk-product-card-image-size,${rem(m.compactImage)}),22cqi)`;
const compactBody = `calc(2*var(--kiosk-product-card-title-size,1rem)*${m.line} + 1rem*${m.line})`;
/** Row and compact: padding and border as the card has them, the content's block size inside. */
const boxed = `box-sizing:content-box;padding-block:var(--kiosk-product-card-padding,${rem(m.padding)});border-block:var(--kiosk-product-card-border,1px solid);border-block-color:transparent`;

export const productCardPlaceholderCss = [
  // Its size is remembered (`auto`): the defined card, whose content-visibility: auto skips
  // rendering until it is found on screen, stands in with it instead of a fixed guess.
  `${tag}{display:block;position:relative;container-type:inline-size;contain-intrinsic-size:auto none auto 34rem;min-inline-size:min(100%,10rem)}`,
  // The snippet's fallback (the product's name and price, linked to its share page: shown as
  // it is without JavaScript) sits inside the reserved box until the card replaces it, so the
  // upgrade moves nothing; the card's shadow root has no slot, and it is gone then.
  `${tag}>*{position:absolute;inset:0;overflow:hidden;margin:0}`,
  `${tag}::before{content:"";display:block;--g:var(--kiosk-product-card-gap,${rem(m.gap)});--s:calc(.875rem*${m.line});${mid};--b:${body};padding-block-start:calc(100% + var(--b) + 2*${gap} + var(--s))}`,
  `@container (inline-size<${stacked(m.narrow)}){${tag}::before{${narrow}}}`,
  `@container (inline-size>=${stacked(m.wide)}){${tag}::before{${wide}}${tag}[layout=row]::before{--o:${c}}}`,
  `@container (inline-size>=${rem(m.rowSideBySide)}){${tag}[layout=row]::before{${mid};${boxed};block-size:calc(max(var(--kiosk-product-card-image-size,${rem(m.rowImage)}),var(--b)) + ${gap} + var(--s))}}`,
  `@container (inline-size>=${beside(m.wide)}){${tag}[layout=row]::before{${wide};--o:${c}}}`,
  `${tag}[layout=compact]::before{${boxed};block-size:calc(max(${compactImage},${compactBody}) + 2*${gap} + ${c})}`,
  `@container (inline-size>=${rem(m.compactOneRow)}){${tag}[layout=compact]::before{block-size:calc(max(${compactImage},${compactBody},${c}) + ${gap})}}`,
].join('\n');
