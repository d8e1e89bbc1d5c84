import type { Product, Review, ReviewSummary } from '@kiosk/sdk';
import { productJsonLd } from '../json-ld.js';

/** How many reviews go into the structured data (search engines show a few, not all). */
const REVIEWS_IN_JSON_LD = 3;

/**
 * schema.org Product with AggregateRating (from the review summary) and a few Review items,
 * built on the product card's Product JSON-LD so both describe the product the same way.
 * Returns the text of a `<script type="application/ld+json">` (`<` escaped so user text in
 * a review can never close the element), or null when there is nothing to rate.
 */
export function reviewsJsonLd(
  product: Product,
  summary: ReviewSummary,
  reviews: readonly Review[],
): string | null {
  if (summary.count <= 0) return null;
  const data = JSON.parse(productJsonLd(product, undefined, location.href)) as Record<
    string,
    unknown
  >;
  data.aggregateRating = {
    '@type': 'AggregateRating',
    ratingValue: summary.average,
    reviewCount: summary.count,
    bestRating: 5,
    worstRating: 1,
  };
  data.review = reviews.slice(0, REVIEWS_IN_JSON_LD).map((r) => ({
    '@type': 'Review',
    name: r.title,
    reviewBody: r.body,
    datePublished: r.createdAt.slice(0, 10),
    author: { '@type': 'Person', name: r.author.name },
    reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
  }));
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
