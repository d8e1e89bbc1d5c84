// Text direction of a language tag: the SDK's, which is the server's rule (its hosted pages flip
// for the same languages). Its own module: price formatting needs it, not i18next.
export { directionOf } from '@kiosk/sdk';
