import { invalid } from './errors.js';
import type { components } from './generated/api.js';
import type { Http } from './http.js';

/** Where a short link is shared: passed on to the share page as `channel`. */
export type ShareChannel = 'share' | 'creator' | 'campaign' | 'qr';

export interface ShareLinkOptions {
  /** The product's handle or id. */
  product: string;
  /** The creator's attribution code: the link's share page and cart line keep it. */
  ref?: string;
  channel?: ShareChannel;
}

/** A product's short link (`/s/{code}`) and the URL of its QR code (SVG). */
export type ShareLink = components['schemas']['ShareLink'] & { qrUrl: string };

/**
 * Short links to products' share pages (`POST /v1/share-links`). The client imports this
 * module on the first share call (a separate chunk for bundlers).
 */
export function createShare(http: Http) {
  // The server answers the same code for the same input: ask once per client.
  const links = new Map<string, Promise<ShareLink>>();
  return {
    /**
     * The short link of `product` (with `ref` and `channel`): it redirects to the product's
     * share page (rich previews in chats) and keeps `ref`. Call it before the shopper's share
     * gesture needs it: `navigator.share` must run within the click's activation.
     */
    link(options: ShareLinkOptions): Promise<ShareLink> {
      const { product, ref, channel } = options ?? ({} as ShareLinkOptions);
      if (typeof product !== 'string' || !product) {
        return Promise.reject(invalid('A product (handle or id) is required.', 'product'));
      }
      const key = JSON.stringify([product, ref, channel]);
      let link = links.get(key);
      if (!link) {
        link = http
          .request('/v1/share-links', { method: 'POST', body: { product, ref, channel } })
          .then((l) => ({ ...l, qrUrl: `${l.url}/qr.svg` }));
        links.set(key, link);
        // A failure is not kept: the next call asks again.
        link.catch(() => links.delete(key));
      }
      return link;
    },
  };
}
