import { invalid } from './errors.js';
import { isCurrencyOption, isLocaleTag, resolveCurrency, resolveLocale } from './locale.js';
import type { Checkout } from './types.js';

/** Where the hosted checkout page leads back to, and what it is told about the shop's page. */
export interface CheckoutOptions {
  /**
   * The page the hosted checkout page leads back to (default: this page, in browsers); it
   * must be on one of the store's allowed origins. null: no way back.
   */
  returnTo?: string | null;
  /**
   * The language of the hosted page (BCP 47, or 'auto'), e.g. the widget's resolved locale,
   * so an Arabic page opens an Arabic, right-to-left checkout. Default: the client's.
   */
  locale?: string;
  /**
   * The currency the page showed prices in (ISO 4217, or 'auto'). The order is charged in
   * the cart's currency; when that is another one, the hosted page says so.
   */
  currency?: string;
}

/** Fails fast on options the hosted page could not take, before the cart is checked out. */
export function checkCheckoutOptions(options: CheckoutOptions): void {
  if (options.locale !== undefined && !isLocaleTag(options.locale)) {
    throw invalid('locale must be a BCP 47 language tag.', 'locale');
  }
  if (options.currency !== undefined && !isCurrencyOption(options.currency)) {
    throw invalid('currency must be an ISO 4217 code.', 'currency');
  }
}

/**
 * Where to pay for the order: the server's hosted page, told the language to speak, the
 * currency the shop's page showed and the page to lead back to.
 */
export function hostedCheckout(
  order: Checkout,
  options: CheckoutOptions,
  clientLocale: string,
): Checkout {
  const url = new URL(order.checkoutUrl);
  const locale = options.locale === undefined ? clientLocale : resolveLocale(options.locale);
  url.searchParams.set('locale', locale);
  const currency =
    options.currency === undefined ? undefined : resolveCurrency(options.currency, locale);
  if (currency) url.searchParams.set('currency', currency);
  // Only a page has a place to return to (Deno throws on `location` without --location).
  const returnTo =
    options.returnTo === undefined
      ? globalThis.document && globalThis.location.href.split('#')[0]
      : options.returnTo;
  if (returnTo) url.searchParams.set('return_to', returnTo);
  return { orderId: order.orderId, checkoutUrl: url.toString() };
}
