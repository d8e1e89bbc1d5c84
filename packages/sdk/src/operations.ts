/**
 * The requests the Kiosk API answers, as types read off the server's OpenAPI document
 * (src/generated/api.ts): a request names a path template and a method the document has, and
 * its path params, query, body and answer follow from that operation. Types only, so a route
 * the server changes breaks the SDK's compile, at no cost in the bundle.
 */
import type { paths } from './generated/api.js';

export type Path = keyof paths;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The operation `method path` (never when the document has none). */
export type Operation<P extends Path, M extends Method> = NonNullable<
  paths[P] extends { [K in Lowercase<M>]?: infer O } ? O : never
>;

/** The methods the API answers on `path`. */
export type MethodOf<P extends Path> = {
  [M in Method]: [Operation<P, M>] extends [never] ? never : M;
}[Method];

/** The paths the API answers a GET on (what reads may cache). */
export type GetPath = { [P in Path]: 'GET' extends MethodOf<P> ? P : never }[Path];

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : null;

/** The JSON of the operation's 2xx answer (null when it has no body). */
export type Answer<O> = O extends { responses: infer R }
  ? { [S in keyof R]: `${S & number}` extends `2${string}` ? Json<R[S]> : never }[keyof R]
  : never;

/** `params` and `query`, required or optional as the operation has them. */
export type ParamsOf<O> = O extends { parameters: infer X }
  ? { [K in keyof X as K extends 'path' ? 'params' : K extends 'query' ? K : never]: X[K] }
  : never;

type Content<B> = B extends { content: infer C } ? C : never;
/** A JSON `body` or an urlencoded `form` (the OAuth endpoints take either). */
type Bodies<C> =
  | (C extends { 'application/json': infer J } ? { body: J; form?: never } : never)
  | (C extends { 'application/x-www-form-urlencoded': infer F }
      ? { form: F; body?: never }
      : never);
type NoBody = { body?: never; form?: never };
type Payload<O> = O extends { requestBody: infer B }
  ? Bodies<Content<B>>
  : O extends { requestBody?: infer B }
    ? [Content<NonNullable<B>>] extends [never]
      ? NoBody
      : Bodies<Content<NonNullable<B>>> | NoBody
    : NoBody;

/** What a request of `method path` is given: method (GET when left out), params, query, body. */
export type Inputs<P extends Path, M extends Method> = [Operation<P, M>] extends [never]
  ? never
  : { method?: M } & ParamsOf<Operation<P, M>> & Payload<Operation<P, M>>;

/** A function's `init` argument: optional when everything in it is. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends T` asks whether T's properties are all optional.
export type ArgsOf<T> = {} extends T ? [init?: T] : [init: T];
