/**
 * The numbers that decide how the card is arranged and how tall it is, in rem. The element's
 * styles (product-card.styles.ts) and the size reservation made before its code loads
 * (placeholder.ts) both read them, so the reserved size is the card's size.
 *
 * The card adapts to its own width (container queries), never to the viewport: a 180 px grid
 * column on a page with a 21 px root font is as narrow as it gets, and everything still fits.
 */
export const metrics = {
  /** Line height of the card's text (unitless). */
  line: 1.35,
  /** Block size of every control (selects, stepper, add and share buttons). */
  control: 2.25,
  /** Default `--kiosk-product-card-padding` and `--kiosk-product-card-gap`. */
  padding: 0.75,
  gap: 0.5,
  /** Default image column of the row and compact layouts. */
  rowImage: 7,
  compactImage: 3.5,
  /** Column gap beside the image of the row and compact layouts. */
  rowColumnGap: 1,
  compactColumnGap: 0.75,
  /**
   * Widths of the details column where the controls rearrange. Below `narrow`: quantity, add
   * and share each get a row, option labels sit above their selects and the stock line may
   * wrap. From `wide`: quantity, add and share share one row (two lines of the longest add
   * label fit between them). Between: quantity and share, then add on a row of its own.
   */
  narrow: 9.75,
  wide: 18.25,
  /** Card widths from which a row card puts its image beside the details, and a compact card its button beside the title. */
  rowSideBySide: 22,
  compactOneRow: 26,
} as const;
