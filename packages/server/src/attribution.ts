/**
 * The attribution (creator) code format: 1–64 letters, digits, `.`, `_` or `-`, case kept.
 * Dots are allowed because creator handles carry them (`ana.lind`). This is the one
 * definition: the cart routes validate with it, and the SDK's generated rules copy it for
 * the loader, the widgets and the snippet builder (a test fails when the copy drifts).
 */
export const ATTRIBUTION_CODE = /^[A-Za-z0-9._-]{1,64}$/;
