import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './context.js';
import { ApiError } from './errors.js';

/**
 * A router whose zod validation failures become our 400 `validation_failed` error, with
 * the issues as details. Every route module makes its router with this.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(
          'validation_failed',
          'The request is not valid.',
          result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        );
      }
    },
  });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const MoneySchema = z
  .object({
    amount: z.string().openapi({ example: '19.99', description: 'Decimal string, never a float.' }),
    currency: z.string().openapi({ example: 'USD' }),
  })
  .openapi('Money');

/**
 * Money or null. A union, not `MoneySchema.nullable()`: on a named schema the latter becomes
 * an allOf that type generators (the SDK's) misread.
 */
export const NullableMoneySchema = z.union([MoneySchema, z.null()]);

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}

/** Error responses a route may give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid request',
    401: 'Missing or invalid key or token',
    403: 'Not allowed',
    404: 'Not found',
    409: 'Conflict with the current state',
    413: 'Body too large',
    422: 'Valid request that the rules refuse',
    429: 'Too many requests',
    503: 'The database is unreachable; retry after Retry-After seconds',
  };
  return Object.fromEntries(
    statuses.map((s) => [s, jsonContent(ErrorSchema, descriptions[s] ?? 'Error')]),
  );
}

/** Cursor pagination parameters shared by every list. */
export const pageQuery = {
  first: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().max(200).optional(),
};

export const Security = {
  /** No key or token, said outright: the operation is public (health, metadata, images, OAuth). */
  none: [],
  storeKey: [{ storeKey: [] }],
  customer: [{ storeKey: [], customerToken: [] }],
  admin: [{ secretKey: [] }],
  /** A creator link's signed token (POST /admin/v1/creators/{ref}/link). */
  creator: [{ creatorToken: [] }],
};

export { z };
