import type { Bundle } from '../../../i18n/i18n.js';

/** The card's share panel ("product-card-share" namespace), en. */
export default {
  link: 'Link to {{title}}',
  shareVia: 'Share…',
  copy: 'Copy link',
  qr: 'QR code of the link to {{title}}',
  scan: 'Scan to open on another phone.',
  close: 'Close sharing',
  failed: 'We couldn’t make a link. Please try again.',
} satisfies Bundle;
