-- Grows a store's catalog to a given size with shop-like products, in one statement (no round
-- trip per row). search.mjs runs it; by hand:
--   psql -v store_handle=aurora -v product_count=10000 -f bench/server/catalog-generator.sql
-- store_handle is the store, product_count the number of products it has afterwards.
-- Titles combine 20 adjectives × 20 materials × 20 garments with a made-up collection name
-- (192 of them), descriptions three sentences from pools, vendors one of 16 brands: a garment
-- like "hoodie" is in 1 product of 20, a collection name in 1 of 192. Each product gets one
-- variant priced in every currency the store sells. The pools never use the words the bench
-- looks for in the demo catalog only ("lambswool") or nowhere ("zq").
with store as (
  select id, currencies, (select count(*) from products p where p.store_id = s.id) as existing
  from stores s
  where handle = :'store_handle'
),
pools as (
  select
    array['Classic', 'Relaxed', 'Slim', 'Oversized', 'Heavyweight', 'Lightweight', 'Vintage',
      'Organic', 'Recycled', 'Everyday', 'Essential', 'Premium', 'Rugged', 'Soft', 'Boxy',
      'Cropped', 'Washed', 'Brushed', 'Quilted', 'Insulated'] as adjectives,
    array['Cotton', 'Merino', 'Linen', 'Denim', 'Fleece', 'Nylon', 'Hemp', 'Cashmere',
      'Corduroy', 'Canvas', 'Jersey', 'Twill', 'Poplin', 'Flannel', 'Ripstop', 'Bamboo',
      'Alpaca', 'Silk', 'Tencel', 'Mohair'] as materials,
    array['Tee', 'Hoodie', 'Sweatshirt', 'Jacket', 'Shirt', 'Polo', 'Cardigan', 'Sweater',
      'Vest', 'Parka', 'Coat', 'Shorts', 'Chinos', 'Jeans', 'Joggers', 'Beanie', 'Cap', 'Scarf',
      'Socks', 'Tote'] as garments,
    array['Ka', 'Lo', 'Mi', 'Re', 'Sa', 'To', 'Vu', 'Ne', 'Fi', 'Da', 'Po', 'Ru', 'Te', 'Wi',
      'Zo', 'Be'] as heads,
    array['lvo', 'reth', 'nda', 'skar', 'mio', 'vell', 'tari', 'quon', 'brek', 'sila', 'dorn',
      'feya'] as tails,
    array['Cut for an easy fit that layers well', 'Garment-dyed for a lived-in colour',
      'Made in a family-run mill in Portugal', 'Finished with flat seams that never chafe',
      'Pre-shrunk, so the fit you buy is the fit you keep',
      'Designed in our studio and tested on long days outdoors',
      'Knitted slowly for a denser, softer hand'] as openers,
    array['Machine wash cold and dry flat.', 'Reinforced at the stress points.',
      'Packs small for travel.', 'Ages well and softens with every wash.',
      'Shipped in recycled packaging.', 'Backed by our two-year repair promise.'] as closers,
    array['Northwind Supply', 'Fjord & Pine', 'Atelier Lune', 'Coastline Goods',
      'Harbour Knitwear', 'Granite Works', 'Meadow Row', 'Ironbark', 'Saltmarsh',
      'Kestrel Outdoor', 'Oakhaven', 'Tidewater', 'Bramble & Co', 'Summit Thread',
      'Cinder Mill', 'Larkspur'] as vendors
),
generated as (
  insert into products (id, store_id, handle, title, description, vendor, status)
  select
    gen_random_uuid(),
    store.id,
    'gen-' || (store.existing + i),
    adjectives[1 + i % 20] || ' ' || materials[1 + (i / 20) % 20] || ' '
      || garments[1 + (i / 400) % 20] || ' ' || heads[1 + (i * 7) % 16] || tails[1 + (i / 16) % 12],
    openers[1 + (i * 3) % 7] || ' in ' || lower(materials[1 + (i / 20) % 20]) || '. '
      || 'The ' || lower(garments[1 + (i / 400) % 20]) || ' from our '
      || heads[1 + (i * 7) % 16] || tails[1 + (i / 16) % 12] || ' collection. '
      || closers[1 + (i * 5) % 6],
    vendors[1 + (i * 11) % 16],
    'active'
  from store, pools, generate_series(1, :product_count - store.existing) as i
  returning id, store_id
),
generated_variants as (
  insert into variants (id, store_id, product_id, title, stock)
  select gen_random_uuid(), store_id, id, 'One size', 25
  from generated
  returning id, store_id
)
insert into variant_prices (store_id, variant_id, currency, amount_minor)
select v.store_id, v.id, currency, 4900
from generated_variants v, store, unnest(store.currencies) as currency;
