import type { Bundle } from './i18n.js';

/** Strings shared by every element (namespace "common"), en. */
export default {
  loading: 'Loading…',
  retry: 'Try again',
  error: {
    generic: 'Something went wrong.',
    network: 'Can’t reach the store right now. Check your connection and try again.',
    notConfigured: 'This shop isn’t set up yet.',
  },
} satisfies Bundle;
