import { type SQL, sql } from 'drizzle-orm';

/** What a product's JSON is priced and linked with: SQL values or placeholders. */
export interface ProductJsonParams {
  /** The currency asked for (one the store sells) and the store's default. */
  currency: SQL;
  fallback: SQL;
  /** Their minor-unit digits (minorDigits: ICU's, which PostgreSQL does not have). */
  currencyDigits: SQL;
  fallbackDigits: SQL;
  /** The public URL images are served under (imageUrl). */
  origin: SQL;
}

/**
 * The storefront Product (schemas/products.ts) as PostgreSQL builds it, for every product
 * read: one product, a batch, a page. Built in the database, the answer of a one-product read
 * is sent as the text PostgreSQL returns, with no parsing, assembling and serializing of it
 * again in the process (docs/decisions/011); this is the one owner of the rules below.
 *
 * - It is priced in one currency: the asked one if the product has variants and every one has
 *   a price in it, else the store default. Variants without a price there are not for sale.
 * - Money is the decimal string of the integer minor units (as toMoney writes it); a
 *   compare-at price shows only above the price; the price range of a product with no priced
 *   variant is zero.
 * - The rating's average has one decimal, rounded half up, 0 with no approved review.
 *
 * `FROM` must end with `products` and the joins `productPricing` adds (no alias: the
 * subqueries name `products.` explicitly, since drizzle writes the columns of a one-table
 * select unqualified, which a subquery's own columns would shadow).
 */
export function productJson(params: ProductJsonParams): SQL {
  const { origin } = params;
  // In integers, as toMoney writes it: prices are never negative (a check constraint).
  const money = (minor: SQL) => sql`json_build_object('amount', case
      when product_pricing.digits = 0 then (${minor})::text
      else ((${minor}) / product_pricing.unit)::text || '.'
        || lpad(((${minor}) % product_pricing.unit)::text, product_pricing.digits, '0')
    end, 'currency', product_pricing.code)`;
  const ofProduct = sql`v.store_id = products.store_id and v.product_id = products.id`;
  const priced = sql`variants v join variant_prices vp
    on vp.variant_id = v.id and vp.currency = product_pricing.code`;
  return sql`json_build_object(
    'id', products.id, 'handle', products.handle, 'title', products.title,
    'description', products.description, 'vendor', products.vendor,
    'currency', product_pricing.code,
    'images', coalesce((
      select json_agg(json_build_object(
        'url', ${origin}::text || '/images/' || g.image_id, 'alt', g.alt,
        'width', i.width, 'height', i.height
      ) order by g.position, g.id)
      from product_images g join images i on i.id = g.image_id
      where g.store_id = products.store_id and g.product_id = products.id
    ), '[]'::json),
    'options', products.options,
    'variants', coalesce((
      select json_agg(json_build_object(
        'id', v.id, 'title', v.title, 'options', v.options,
        'image', case when vi.id is null then null else json_build_object(
          'url', ${origin}::text || '/images/' || vi.image_id, 'alt', vi.alt) end,
        'price', ${money(sql`vp.amount_minor`)},
        'compareAtPrice', case when vp.compare_at_minor > vp.amount_minor
          then ${money(sql`vp.compare_at_minor`)} end,
        'available', v.stock > 0, 'quantityAvailable', v.stock
      ) order by v.position, v.id)
      from ${priced} left join product_images vi on vi.id = v.image_id
      where ${ofProduct}
    ), '[]'::json),
    'priceRange', (
      select json_build_object(
        'min', ${money(sql`coalesce(min(vp.amount_minor), 0)`)},
        'max', ${money(sql`coalesce(max(vp.amount_minor), 0)`)})
      from ${priced} where ${ofProduct}
    ),
    'rating', (
      select json_build_object(
        'average', coalesce(round(avg(r.rating)::numeric, 1), 0), 'count', count(*)::int)
      from reviews r
      where r.store_id = products.store_id and r.product_id = products.id
        and r.status = 'approved'
    )
  )`;
}

/**
 * The joins after `FROM products` that `productJson` prices with: `product_pricing.code`, the
 * product's currency (see there), `product_pricing.digits`, its minor-unit digits, and
 * `product_pricing.unit`, ten to their power. A read in the store's default currency needs no
 * look at the variants: the default is the answer either way, and its pricing is three
 * constants (a sixth less work for PostgreSQL on a product read: bench/server).
 * `offset 0` keeps PostgreSQL from inlining the other: each use of `code` would otherwise
 * repeat its subqueries (a plan four times the size, twice as slow).
 */
export function productPricing(params: ProductJsonParams, inStoreCurrency: boolean): SQL {
  const { currency, fallback, currencyDigits, fallbackDigits } = params;
  if (inStoreCurrency) {
    return sql`cross join (select ${fallback}::text as code, ${fallbackDigits}::int as digits,
      power(10, ${fallbackDigits}::int)::bigint as unit) as product_pricing`;
  }
  const variantsOf = sql`from variants v
    where v.store_id = products.store_id and v.product_id = products.id`;
  return sql`cross join lateral (
    select code, digits, power(10, digits)::bigint as unit
    from (select code, case when code = ${currency}::text then ${currencyDigits}::int
      else ${fallbackDigits}::int end as digits
    from (select case
      when exists (select 1 ${variantsOf})
        and not exists (select 1 ${variantsOf} and not exists (
          select 1 from variant_prices vp
          where vp.variant_id = v.id and vp.currency = ${currency}::text))
      then ${currency}::text else ${fallback}::text end as code offset 0) as chosen
    offset 0) as scaled
    offset 0
  ) as product_pricing`;
}
