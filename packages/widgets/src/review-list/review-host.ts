import {
  type KioskError,
  MAX_REVIEW_BODY,
  MAX_REVIEW_TITLE,
  type ReviewSort,
  type Session,
} from '@kiosk/sdk';
import type { ReactiveControllerHost } from 'lit';
import type { ClientController } from '../controllers/client-controller.js';
import type { ReviewLocalize } from './review-localize.js';

/** What the list shows (the element's reflected `state`). */
export type ReviewListState = 'loading' | 'ready' | 'empty' | 'unavailable' | 'error';

export const reviewSorts: readonly ReviewSort[] = [
  'recent',
  'helpful',
  'rating_desc',
  'rating_asc',
];

/** The server's limits (WriteReview): shown beside the form's fields and enforced by maxlength. */
export const TITLE_MAX = MAX_REVIEW_TITLE;
export const BODY_MAX = MAX_REVIEW_BODY;

/** A star rating the API takes: a whole number from 1 to 5 (the filter, the form). */
export const validRating = (n: number | undefined): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;

/** The element's attributes the list follows, and the `state` it reflects. */
export interface ReviewsHost extends ReactiveControllerHost, HTMLElement {
  product?: string | undefined;
  sort: ReviewSort;
  rating?: number | undefined;
  pageSize: number;
  listState: ReviewListState;
}

/** What the list's parts get from the element: its client, strings, shopper, errors and live region. */
export interface ReviewContext {
  readonly kiosk: ClientController;
  readonly i18n: ReviewLocalize;
  customer(): Session['customer'] | null;
  /** Dispatches `kiosk-error` (the element's emitError). */
  report(error: unknown): KioskError;
  /** Says `message` in the element's status region. */
  announce(message: string): void;
}
