// The one-query floor: a bare Hono + pg server answering GET /products/:handle for the demo
// store with ONE named prepared statement that builds the whole product JSON (variants with
// their USD prices, images, rating) in PostgreSQL, sent as the text it returns. What reading a
// product costs on this machine with nothing else in the way: the Kiosk rows are compared to it.
// Env: DATABASE_URL (seeded by the Kiosk server), PORT.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const {
  rows: [store],
} = await pool.query(`select id from stores where publishable_key = 'pk_test_aurora'`);

const money = (minor) =>
  `json_build_object('amount', (${minor} / 100)::text || '.' || lpad((${minor} % 100)::text, 2, '0'), 'currency', 'USD')`;
const text = `
select json_build_object(
  'id', p.id, 'handle', p.handle, 'title', p.title, 'description', p.description,
  'vendor', p.vendor, 'currency', 'USD',
  'images', coalesce((
    select json_agg(json_build_object('url', 'http://127.0.0.1/images/' || g.image_id, 'alt', g.alt,
      'width', i.width, 'height', i.height) order by g.position, g.id)
    from product_images g join images i on i.id = g.image_id
    where g.store_id = p.store_id and g.product_id = p.id), '[]'::json),
  'options', p.options,
  'variants', coalesce((
    select json_agg(json_build_object(
      'id', v.id, 'title', v.title, 'options', v.options,
      'image', case when vi.id is null then null
        else json_build_object('url', 'http://127.0.0.1/images/' || vi.image_id, 'alt', vi.alt) end,
      'price', ${money('vp.amount_minor')},
      'compareAtPrice', case when vp.compare_at_minor > vp.amount_minor
        then ${money('vp.compare_at_minor')} end,
      'available', v.stock > 0, 'quantityAvailable', v.stock) order by v.position, v.id)
    from variants v
    join variant_prices vp on vp.variant_id = v.id and vp.currency = 'USD'
    left join product_images vi on vi.id = v.image_id
    where v.store_id = p.store_id and v.product_id = p.id), '[]'::json),
  'priceRange', (
    select json_build_object('min', ${money('min(vp.amount_minor)')}, 'max', ${money('max(vp.amount_minor)')})
    from variants v join variant_prices vp on vp.variant_id = v.id and vp.currency = 'USD'
    where v.store_id = p.store_id and v.product_id = p.id),
  'rating', (
    select json_build_object('average', coalesce(round(avg(r.rating), 1), 0), 'count', count(*))
    from reviews r
    where r.store_id = p.store_id and r.product_id = p.id and r.status = 'approved')
)::text as product
from products p
where p.store_id = $1 and p.handle = $2 and p.status = 'active'`;

const app = new Hono();
app.get('/products/:handle', async (c) => {
  const { rows } = await pool.query({
    name: 'product',
    text,
    values: [store.id, c.req.param('handle')],
  });
  if (rows.length === 0) return c.json({ error: { code: 'product_not_found' } }, 404);
  return c.body(rows[0].product, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});
app.get('/healthz', (c) => c.text('ok'));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
