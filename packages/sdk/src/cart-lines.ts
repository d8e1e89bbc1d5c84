import { fromMinor, sum, times, toMinor } from './money.js';
import type { Cart, CartLine, Product } from './types.js';

/**
 * A cart write, kept (and persisted) until the server has it; the key makes replays safe.
 * `tab` is the client that sends it: other tabs only show it, so a write goes out once.
 * `fresh`: the cart it was meant for had been ordered, so it goes into a new cart.
 */
export type Op = { key: string; tab: string; fresh?: true } & (
  | {
      kind: 'add';
      variantId: string;
      quantity: number;
      ref?: string;
      refAt?: string;
      campaign?: string;
      campaignAt?: string;
    }
  | { kind: 'update'; lineId: string; quantity: number; variantId?: string }
  | { kind: 'points'; points: number }
);

/** What the optimistic cart is drawn from before the server answers. */
export interface Catalog {
  currency: () => string | undefined;
  /** A product the page already loaded that holds this variant, for optimistic lines. */
  productOf: (variantId: string) => Product | undefined;
}

/** Id prefix of a line shown before the server has it (an optimistic add). */
const PENDING = 'pending:';

/**
 * Whether `line` is shown before the server has it (an optimistic add): its id is provisional
 * and changes when the server answers. Callers ask this instead of reading the id's format.
 */
export const isPendingLine = (line: Pick<CartLine, 'id'>): boolean => line.id.startsWith(PENDING);

/** The line an update means: by id, or by variant for a line that was pending when asked. */
export const isLine = (line: CartLine, op: { lineId: string; variantId?: string }) =>
  line.id === op.lineId ||
  (op.variantId !== undefined &&
    isPendingLine({ id: op.lineId }) &&
    line.variantId === op.variantId);

/** `cart` as the shopper sees it once `op` is applied, before the server has it. */
export function applyOp(cart: Cart | null, op: Op, catalog: Catalog): Cart | null {
  const currency = catalog.currency() ?? '';
  const base: Cart = cart ?? {
    id: '',
    currency,
    customerId: null,
    lines: [],
    itemCount: 0,
    subtotal: { amount: '0', currency },
    discount: { amount: '0', currency },
    total: { amount: '0', currency },
    shipping: null,
    pointsRedeemed: 0,
    pointsToEarn: 0,
    updatedAt: '',
  };
  let lines = base.lines;
  if (op.kind === 'add') {
    const existing = lines.find((l) => l.variantId === op.variantId);
    if (existing) {
      lines = lines.map((l) => (l === existing ? withQuantity(l, l.quantity + op.quantity) : l));
    } else {
      const line = provisionalLine(op, catalog);
      if (line) lines = [...lines, line];
    }
  } else if (op.kind === 'update') {
    lines = lines
      .map((l) => (isLine(l, op) ? withQuantity(l, op.quantity) : l))
      .filter((l) => l.quantity > 0);
  } else {
    return { ...base, pointsRedeemed: op.points };
  }
  return retotal({ ...base, lines });
}

function provisionalLine(op: Extract<Op, { kind: 'add' }>, catalog: Catalog): CartLine | null {
  const product = catalog.productOf(op.variantId);
  const variant = product?.variants.find((v) => v.id === op.variantId);
  if (!product || !variant) return null;
  return {
    id: `${PENDING}${op.key}`,
    productId: product.id,
    variantId: variant.id,
    title: product.title,
    variantTitle: variant.title,
    handle: product.handle,
    // As the server does: the variant's own picture, else the product's first.
    image: variant.image ?? product.images[0] ?? null,
    quantity: op.quantity,
    unitPrice: variant.price,
    lineTotal: times(variant.price, op.quantity),
    compareAtPrice: variant.compareAtPrice,
    available: variant.quantityAvailable,
    ref: op.ref ?? null,
    campaign: op.campaign ?? null,
  };
}

function withQuantity(line: CartLine, quantity: number): CartLine {
  return { ...line, quantity, lineTotal: times(line.unitPrice, quantity) };
}

function retotal(cart: Cart): Cart {
  const sameCurrency = cart.lines.every((l) => l.unitPrice.currency === cart.subtotal.currency);
  const itemCount = cart.lines.reduce((n, l) => n + l.quantity, 0);
  if (!sameCurrency || cart.lines.length === 0) return { ...cart, itemCount };
  const digits = toMinor(cart.lines[0]!.unitPrice).digits;
  const subtotal = sum(
    cart.lines.map((l) => l.lineTotal),
    cart.subtotal.currency,
    digits,
  );
  const total = fromMinor(
    Math.max(0, toMinor(subtotal).minor - toMinor(cart.discount).minor),
    digits,
    cart.subtotal.currency,
  );
  return { ...cart, itemCount, subtotal, total };
}
