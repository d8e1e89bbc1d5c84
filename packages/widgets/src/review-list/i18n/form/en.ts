import type { Bundle } from '../../../i18n/i18n.js';

/**
 * <kiosk-review-list> form strings ("review-form" namespace, loaded with the form), en.
 * Counts come as `count` and `max`, numbers already in the shopper's locale.
 */
export default {
  heading: 'Write a review',
  rating: 'Your rating',
  title: 'Title',
  body: 'Your review',
  chars: '{{count}} / {{max}}',
  charsLabel: '{{count}} of at most {{max}} characters',
  submit: 'Submit review',
  submitting: 'Submitting…',
  editHeading: 'Edit your review',
  editHint: 'The store may check an edited review again before it appears.',
  save: 'Save changes',
  saving: 'Saving…',
  cancel: 'Cancel',
  errors: {
    rating: 'Choose a star rating.',
    title: 'Add a title.',
    body: 'Write your review.',
    tooLong: 'This is too long: at most {{max}} characters.',
    invalid: 'Please check your review and try again.',
    signedOut: 'Your session has ended. Sign in again to post your review.',
    failed: 'Couldn’t post your review.',
  },
  saved: 'Your review was updated.',
  savedPending: 'Your review was updated. It will appear after moderation.',
} satisfies Bundle;
