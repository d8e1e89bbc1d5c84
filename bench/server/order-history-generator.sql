-- The recommendation counts of a number of paid orders (order_count) in a store (as
-- services/recommendation-counts.ts would have kept them), in one statement: each order holds
-- 1 to 4 distinct products drawn with a long tail (product rank = count × random()³, so a few
-- products sell often and most rarely, as in a shop), in the store's default currency.
-- recommendations.mjs runs it; by hand:
--   psql -v store_handle=aurora -v order_count=100000 -f bench/server/order-history-generator.sql
with store as (
  select id, currencies[1] as currency from stores where handle = :'store_handle'
),
ranked as (
  select p.id, row_number() over (order by p.position) - 1 as rank, count(*) over () as total
  from products p, store where p.store_id = store.id and p.status = 'active'
),
picks as (
  -- `0 * o.n` ties each order's line count to the order: random() is drawn per order.
  select o.n as order_no,
    floor((select max(total) from ranked) * power(random(), 3))::bigint as pick
  from generate_series(1, :order_count) as o(n)
  cross join lateral generate_series(1, 1 + (random() * 3)::int + 0 * o.n) as l(k)
),
lines as (
  select distinct picks.order_no, ranked.id as product_id
  from picks join ranked on ranked.rank = picks.pick
),
sales as (
  insert into product_sales (store_id, currency, product_id, orders)
  select store.id, store.currency, lines.product_id, count(*) from lines, store
  group by store.id, store.currency, lines.product_id
  on conflict (store_id, currency, product_id)
  do update set orders = product_sales.orders + excluded.orders
  returning 1
)
insert into product_pairs (store_id, product_id, other_id, orders)
select store.id, a.product_id, b.product_id, count(*)
from lines a join lines b on a.order_no = b.order_no and a.product_id <> b.product_id, store
group by store.id, a.product_id, b.product_id
on conflict (store_id, product_id, other_id)
do update set orders = product_pairs.orders + excluded.orders;
