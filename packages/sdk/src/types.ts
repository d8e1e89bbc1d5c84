/** Shapes of the Kiosk API as the SDK hands them out (CONTRACT.md §2). */

export interface Money {
  /** Decimal string, never a float: "19.99". */
  amount: string;
  currency: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Image {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface Variant {
  id: string;
  title: string;
  options: Record<string, string>;
  price: Money;
  compareAtPrice: Money | null;
  available: boolean;
  quantityAvailable: number;
}

export interface Product {
  id: string;
  handle: string;
  title: string;
  description: string;
  vendor: string;
  currency: string;
  images: Image[];
  options: { name: string; values: string[] }[];
  variants: Variant[];
  priceRange: { min: Money; max: Money };
  rating: { average: number; count: number };
}

export interface CartLine {
  id: string;
  productId: string;
  variantId: string;
  title: string;
  variantTitle: string;
  handle: string;
  image: { url: string; alt: string } | null;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  compareAtPrice: Money | null;
  available: number;
  ref: string | null;
}

export interface Cart {
  id: string;
  currency: string;
  customerId: string | null;
  lines: CartLine[];
  itemCount: number;
  subtotal: Money;
  discount: Money;
  total: Money;
  pointsRedeemed: number;
  updatedAt: string;
}

export interface Customer {
  id: string;
  email: string;
  name: string;
}

export interface Session {
  customer: Customer;
}

export interface PointsEntry {
  id: string;
  kind: 'earn' | 'redeem' | 'adjust' | 'expire' | 'reverse';
  points: number;
  reason: string;
  orderId: string | null;
  createdAt: string;
  availableAt: string;
  expiresAt: string | null;
}

export interface PointsSummary {
  balance: number;
  pending: number;
  lifetime: number;
  tier: { name: string; nextTier: { name: string; pointsNeeded: number } | null };
  expiring: { points: number; at: string } | null;
}

export interface Review {
  id: string;
  productId: string;
  rating: number;
  title: string;
  body: string;
  author: { name: string };
  verified: boolean;
  incentivized: boolean;
  helpfulCount: number;
  reply: { body: string; createdAt: string } | null;
  createdAt: string;
  updatedAt: string;
  viewerVote: boolean | null;
  status?: 'pending' | 'approved' | 'rejected';
}

export interface ReviewSummary {
  average: number;
  count: number;
  histogram: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export type ReviewSort = 'recent' | 'helpful' | 'rating_desc' | 'rating_asc';

export interface Checkout {
  orderId: string;
  checkoutUrl: string;
}
