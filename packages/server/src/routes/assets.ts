import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { ApiError } from '../errors.js';
import { hostedAssets } from '../hosted/assets/index.js';

const etags = new Map(
  Object.entries(hostedAssets).map(([name, a]) => [
    name,
    `"${createHash('sha256').update(a.body).digest('base64url').slice(0, 16)}"`,
  ]),
);

/** Scripts and styles of the hosted pages (/assets/:name). Not in the OpenAPI document. */
export const assetRoutes = new Hono<AppEnv>();

assetRoutes.get('/:name', (c) => {
  const name = c.req.param('name');
  const asset = hostedAssets[name];
  if (!asset) throw new ApiError('not_found', 'No such asset.');
  const etag = etags.get(name)!;
  c.header('ETag', etag);
  c.header('Cache-Control', 'public, max-age=300');
  c.header('X-Content-Type-Options', 'nosniff');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.body(asset.body, 200, { 'Content-Type': asset.type });
});
