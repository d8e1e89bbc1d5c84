/**
 * Shapes of the Kiosk API as the SDK hands them out. They are the server's own schemas: the
 * generated API types come from its OpenAPI document (`GET /openapi.json`), and a test fails
 * when the two drift apart.
 */
import type { components, paths } from './generated/api.js';

type Schemas = components['schemas'];

export type Money = Schemas['Money'];
export type Product = Schemas['Product'];
export type Variant = Product['variants'][number];
export type Image = Product['images'][number];
export type Cart = Schemas['Cart'];
export type CartLine = Schemas['CartLine'];
export type Customer = Schemas['Customer'];
export type PointsSummary = Schemas['Points'];
export type PointsEntry = Schemas['PointsEntry'];
export type Membership = Schemas['MembershipStatus'];
/** A store's membership settings (admin): tiers' perks, paid plans, early access. */
export type AdminMembership =
  paths['/admin/v1/membership']['get']['responses'][200]['content']['application/json'];
/** A passkey of the signed-in shopper: where it was made, when it was last used. */
export type Passkey = Schemas['Passkey'];
export type Review = Schemas['Review'];
export type OwnReview = Schemas['OwnReview'];
export type ReviewSummary = Schemas['ReviewSummary'];
/** A review's helpful count after the shopper's vote, and that vote (null: taken back). */
export type ReviewVoteResult = Schemas['ReviewVoteResult'];
export type Order = Schemas['Order'];
/** A parcel of an order's lines with its carrier's tracking events (oldest first). */
export type Shipment = Schemas['Shipment'];
export type TrackingEvent = Schemas['TrackingEvent'];
export type ReturnRequest = Schemas['ReturnRequest'];
export type ShippingAddress = Schemas['ShippingAddress'];
/** A review as the admin client sees it: any status, with its author. */
export type AdminReview = Schemas['AdminReview'];
export type IdentityProvider = Schemas['IdentityProvider'];
export type IdentityProviderInput = Schemas['IdentityProviderInput'];
export type StoreConfig = Schemas['StoreConfig'];
/** The admin reports (`GET /admin/v1/reports/creators`, `…/funnel`). */
export type CreatorsReport = Schemas['CreatorsReport'];
export type FunnelReport = Schemas['FunnelReport'];
/**
 * The orders a product's reviews can be listed in. Spelled out for the docs; the reviews
 * query is typed from the API, so an order the server drops fails the compile.
 */
export type ReviewSort = 'recent' | 'helpful' | 'rating_desc' | 'rating_asc';

/** Which of a product's reviews to list, in what order, and which page. */
export interface ReviewListOptions {
  sort?: ReviewSort;
  /** Only reviews with this many stars. */
  rating?: number;
  first?: number;
  after?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  customer: Pick<Customer, 'id' | 'email' | 'name'>;
}

export interface Checkout {
  orderId: string;
  checkoutUrl: string;
}
