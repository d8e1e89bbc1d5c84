/**
 * Limits on numbers the API accepts, shared by the request schemas and the services. Each
 * keeps its value inside the PostgreSQL column that stores it (integer: ±2^31) and inside
 * the range where JavaScript numbers are exact, so no input can overflow a column or lose
 * a unit on the way.
 */

/** Units of one variant in one cart line. */
export const MAX_LINE_QUANTITY = 999;

/** Units of a variant in stock: a set level or the result of an adjustment. */
export const MAX_STOCK = 1_000_000_000;

/**
 * Points in one request or ledger entry: a redemption, an admin adjustment, what one
 * paid order earns (an order that would earn more earns this many).
 */
export const MAX_POINTS = 1_000_000_000;

/**
 * Money in minor units: the largest amount the server stores or computes with as a number
 * (orders' bigint columns). Past it a JavaScript number would round away cents, so a cart
 * whose subtotal would pass it cannot grow or be checked out (`amount_too_large`).
 */
export const MAX_AMOUNT_MINOR = Number.MAX_SAFE_INTEGER;

/** Days in the points rules (pending period, lot lifetime): dates stay valid everywhere. */
export const MAX_RULE_DAYS = 36_500;

/** Characters in a review's title and body (the write-a-review form shows and enforces them). */
export const MAX_REVIEW_TITLE = 150;
export const MAX_REVIEW_BODY = 5000;

/** A shopper's words on a return request; a carrier's tracking texts. */
export const MAX_RETURN_COMMENT = 1000;
export const MAX_TRACKING_TEXT = 500;
