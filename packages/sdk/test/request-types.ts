// Type tests, compiled by `pnpm typecheck` and never run: a request names a path and method of
// the server's OpenAPI document, and its params, body and answer are that operation's. Each
// `@ts-expect-error` fails the typecheck if the line it marks compiles.
import type { Http } from '../src/http.js';
import type { Reads } from '../src/reads.js';
import type { Cart, Product, ReviewSummary } from '../src/types.js';

declare const http: Http;
declare const reads: Reads;

export async function requestsAreTypedFromThePaths() {
  // The answer is the operation's 2xx JSON.
  const cart: Cart = await http.request('/v1/carts/{id}', { params: { id: 'c' } });
  const products: Product[] = (await http.request('/v1/products', { query: { first: 2 } })).items;
  const summary: ReviewSummary = await reads.get('/v1/products/{product}/reviews/summary', {
    params: { product: 'tee' },
  });
  // An answer without a body is null.
  const revoked: null = await http.request('/oauth/revoke', {
    method: 'POST',
    form: { client_id: 'pk_x' },
  });
  // @ts-expect-error: a cart is not a product
  const notAProduct: Product = await http.request('/v1/carts/{id}', { params: { id: 'c' } });

  // @ts-expect-error: a path the API does not have
  await http.request('/v1/cart/{id}', { params: { id: 'c' } });
  // @ts-expect-error: a method the path does not have
  await http.request('/v1/carts/{id}', { method: 'DELETE', params: { id: 'c' } });
  // @ts-expect-error: GET (no method) on a POST-only path
  await http.request('/v1/carts/merge');
  // @ts-expect-error: the path param is missing
  await http.request('/v1/carts/{id}');
  await http.request('/v1/carts/{id}/lines/{lineId}', {
    method: 'PATCH',
    // @ts-expect-error: one of two path params is missing
    params: { id: 'c' },
    body: { quantity: 1 },
  });
  await http.request('/v1/carts/{id}/lines', {
    method: 'POST',
    params: { id: 'c' },
    // @ts-expect-error: the body lacks the required variantId
    body: { quantity: 1 },
  });
  await http.request('/v1/carts/{id}/points', {
    method: 'PUT',
    params: { id: 'c' },
    // @ts-expect-error: a field of the wrong type
    body: { points: '10' },
  });
  await http.request('/admin/v1/orders/{id}/mark-paid', {
    method: 'POST',
    params: { id: 'o' },
    // @ts-expect-error: the operation takes no body
    body: {},
  });
  // @ts-expect-error: a required query parameter is missing
  await http.request('/v1/products/batch');
  // @ts-expect-error: reads are GETs only
  await reads.get('/v1/carts/merge');

  return { cart, products, summary, revoked, notAProduct };
}
