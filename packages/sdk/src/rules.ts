import { ATTRIBUTION_CODE } from './generated/rules.js';

export {
  ATTRIBUTION_CODE,
  MAX_ATTRIBUTION_WINDOW_DAYS,
  MAX_EVENTS_PER_BATCH,
  MAX_ITEMS_PER_EVENT,
  MAX_LINE_QUANTITY,
  MAX_REVIEW_BODY,
  MAX_REVIEW_TITLE,
} from './generated/rules.js';

/** Whether `code` is an attribution code the server accepts as a cart line's `ref`. */
export const isAttributionCode = (code: unknown): code is string =>
  typeof code === 'string' && ATTRIBUTION_CODE.test(code);
