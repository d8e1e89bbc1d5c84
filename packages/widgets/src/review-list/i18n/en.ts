import type { Bundle } from '../../i18n/i18n.js';

/**
 * <kiosk-review-list> strings ("review-list" namespace), en. Counts come as `count` (for the
 * plural form) and `formatted` (the number in the shopper's locale).
 */
export default {
  heading: 'Customer reviews',
  starCount_one: '{{formatted}} star',
  starCount_other: '{{formatted}} stars',
  reviewCount_one: '{{formatted}} review',
  reviewCount_other: '{{formatted}} reviews',
  rated: 'Rated {{rating}} out of 5',
  summary: {
    average: '{{rating}} out of 5',
    histogram: 'Filter by rating',
    bar: '{{stars}}: {{reviews}} ({{percent}})',
  },
  sort: {
    label: 'Sort by',
    recent: 'Most recent',
    helpful: 'Most helpful',
    rating_desc: 'Highest rating',
    rating_asc: 'Lowest rating',
  },
  filter: {
    active: 'Showing reviews rated {{stars}}',
    clear: 'Show all reviews',
    none: 'No reviews rated {{stars}} yet.',
  },
  review: {
    verified: 'Verified buyer',
    incentivized: 'Received a free product',
    replyHeading: 'Response from the store',
    helpful: 'Helpful',
    helpfulCount_one: '{{formatted}} person found this helpful',
    helpfulCount_other: '{{formatted}} people found this helpful',
    voteFailed: 'Couldn’t save your vote.',
    ownReview: 'You can’t vote on your own review.',
  },
  more: 'Show more reviews',
  loadingMore: 'Loading more reviews…',
  moreFailed: 'Couldn’t load more reviews.',
  shown: 'Showing {{shown}} of {{total}}',
  empty: 'No reviews yet — be the first',
  unavailable: 'This product isn’t available',
  unavailableHint: 'It may have been removed, or the link may be wrong.',
  loadFailed: 'We couldn’t load the reviews.',
  signInHint: 'Sign in to write a review and to vote on reviews.',
  signIn: 'Sign in',
  write: 'Write a review',
  formFailed: 'We couldn’t load the review form. Check your connection and try again.',
  own: {
    heading: 'Your review',
    edit: 'Edit your review',
    edited: 'Edited {{date}}',
    loadFailed: 'We couldn’t load your review.',
    status: {
      pending: 'Awaiting moderation',
      pendingHint: 'Other shoppers will see your review once the store has approved it.',
      rejected: 'Not published',
      rejectedHint: 'The store didn’t publish this review. You can edit it and send it again.',
    },
  },
  thanks: {
    pending: 'Thanks — your review will appear after moderation.',
    published: 'Thanks — your review is published.',
  },
} satisfies Bundle;
