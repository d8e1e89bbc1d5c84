import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../src/db/index.js';
import { products } from '../src/db/schema/index.js';
import { analyzeCatalogJob } from '../src/jobs/analyze-catalog.js';
import { productSearchCondition } from '../src/services/product-search.js';
import type { Store } from '../src/services/stores.js';
import { createTestProduct, createTestStore, runJob, useTestApp } from './harness.js';

const t = useTestApp();

async function searchHandles(pk: string, query: string, first = 20): Promise<string[]> {
  const res = await t.current.request(
    `/v1/products?first=${first}&query=${encodeURIComponent(query)}`,
    { key: pk },
  );
  expect(res.status, query).toBe(200);
  return res.body.items.map((p: { handle: string }) => p.handle);
}

describe('GET /v1/products?query= (search)', () => {
  it('searches title, description, vendor and handle, any case, wildcards literal', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, {
      handle: 'wool-scarf',
      title: 'Lambswool Scarf',
    });
    await createTestProduct(t.current.db, store, { handle: 'tee', title: 'Tee 100% cotton' });
    await createTestProduct(t.current.db, store, { handle: 'cap', title: 'Cap_blue' });
    await createTestProduct(t.current.db, store, {
      handle: 'hidden-wool',
      title: 'Wool',
      status: 'draft',
    });
    expect(await searchHandles(pk, 'WOOL')).toEqual(['wool-scarf']);
    expect(await searchHandles(pk, 'scarf')).toEqual(['wool-scarf']);
    expect(await searchHandles(pk, '100%')).toEqual(['tee']);
    expect(await searchHandles(pk, '%')).toEqual(['tee']);
    expect(await searchHandles(pk, '_')).toEqual(['cap']);
    expect(await searchHandles(pk, 'a test product')).toHaveLength(3); // description
    expect(await searchHandles(pk, 'nothing like this')).toEqual([]);
    expect(await searchHandles(pk, "'; select 1; --")).toEqual([]);
  });

  it('finds the text in each field, in any case, in any script', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, { handle: 'in-title', title: 'Merino Crew' });
    await createTestProduct(t.current.db, store, {
      handle: 'in-description',
      title: 'Plain',
      description: 'Knitted from merino wool.',
    });
    await createTestProduct(t.current.db, store, {
      handle: 'in-vendor',
      title: 'Plain',
      vendor: 'Merino Mills',
    });
    await createTestProduct(t.current.db, store, { handle: 'merino-in-handle', title: 'Plain' });
    await createTestProduct(t.current.db, store, { handle: 'ru', title: 'Футболка Классическая' });
    await createTestProduct(t.current.db, store, {
      handle: 'ar',
      title: 'Plain',
      description: 'قميص قطني بأكمام طويلة',
    });
    await createTestProduct(t.current.db, store, {
      handle: 'zh',
      title: 'Plain',
      vendor: '北极光服饰',
    });

    const inEveryField = ['in-title', 'in-description', 'in-vendor', 'merino-in-handle'];
    expect(await searchHandles(pk, 'merino')).toEqual(inEveryField);
    expect(await searchHandles(pk, 'MERINO')).toEqual(inEveryField);
    expect(await searchHandles(pk, 'rIN')).toEqual(inEveryField);
    expect(await searchHandles(pk, 'ФУТБОЛКА')).toEqual(['ru']);
    expect(await searchHandles(pk, 'футбол')).toEqual(['ru']);
    expect(await searchHandles(pk, 'классическая')).toEqual(['ru']);
    expect(await searchHandles(pk, 'قميص')).toEqual(['ar']);
    expect(await searchHandles(pk, 'بأكمام طويلة')).toEqual(['ar']);
    expect(await searchHandles(pk, '极光服')).toEqual(['zh']);
    expect(await searchHandles(pk, 'мерино')).toEqual([]);
  });

  it('takes %, _ and \\ literally', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, { handle: 'percent', title: 'Sale 50% off' });
    await createTestProduct(t.current.db, store, { handle: 'five-o', title: 'Sale 50 off' });
    await createTestProduct(t.current.db, store, {
      handle: 'underscore',
      title: 'Code snake_case',
    });
    await createTestProduct(t.current.db, store, { handle: 'no-underscore', title: 'Snakescase' });
    await createTestProduct(t.current.db, store, {
      handle: 'backslash',
      title: 'Path',
      description: 'Folder C:\\shop\\new',
    });
    await createTestProduct(t.current.db, store, {
      handle: 'no-backslash',
      title: 'Path',
      description: 'Folder C:shopnew',
    });

    expect(await searchHandles(pk, '50% off')).toEqual(['percent']);
    expect(await searchHandles(pk, '0%')).toEqual(['percent']);
    expect(await searchHandles(pk, 'sale 50%')).toEqual(['percent']);
    expect(await searchHandles(pk, 'snake_case')).toEqual(['underscore']);
    expect(await searchHandles(pk, 'e_c')).toEqual(['underscore']);
    expect(await searchHandles(pk, 'c:\\shop\\')).toEqual(['backslash']);
    expect(await searchHandles(pk, 'p\\new')).toEqual(['backslash']);
    expect(await searchHandles(pk, '\\')).toEqual([]); // short: titles only, none has one
    expect(await searchHandles(pk, '%%%')).toEqual([]);
    expect(await searchHandles(pk, '___')).toEqual([]);
  });

  it('matches a text without three letters or digits in a row in titles only', async () => {
    // No trigram to look up: the titles' pieces answer it (services/product-search.ts).
    const { store, pk } = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, store, { handle: 'title-xq', title: 'Model XQ' });
    await createTestProduct(t.current.db, store, {
      handle: 'description-xq',
      title: 'Plain',
      description: 'Model xq inside',
      vendor: 'XQ Works',
    });
    await createTestProduct(t.current.db, store, { handle: 'emoji', title: 'Party 🎉🎉🎉 Tee' });
    await createTestProduct(t.current.db, store, {
      handle: 'emoji-description',
      title: 'Plain',
      description: 'Confetti 🎉🎉🎉',
    });

    expect(await searchHandles(pk, 'xq')).toEqual(['title-xq']);
    expect(await searchHandles(pk, 'X')).toEqual(['title-xq']);
    expect(await searchHandles(pk, '  xq  ')).toEqual(['title-xq']); // trimmed first
    expect(await searchHandles(pk, 'l-xq')).toEqual([]);
    expect(await searchHandles(pk, '🎉🎉🎉')).toEqual(['emoji']);
    // Three letters in a row: every field again.
    expect(await searchHandles(pk, 'del xq')).toEqual(['title-xq', 'description-xq']);
    expect(await searchHandles(pk, 'xq works')).toEqual(['description-xq']);
  });

  it('finds one or two characters inside a title, unspaced scripts too, as titles change', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const shirt = await createTestProduct(t.current.db, store, {
      handle: 'shirt',
      title: '纯棉衬衫',
    });
    await createTestProduct(t.current.db, store, { handle: 'size', title: 'Tee, size XL' });
    await createTestProduct(t.current.db, store, { handle: 'pct', title: 'Now 5% off' });

    expect(await searchHandles(pk, '衬衫')).toEqual(['shirt']);
    expect(await searchHandles(pk, '衬')).toEqual(['shirt']);
    expect(await searchHandles(pk, '衫衬')).toEqual([]);
    expect(await searchHandles(pk, 'xl')).toEqual(['size']);
    expect(await searchHandles(pk, '5%')).toEqual(['pct']);
    // Every two-character piece is in a title, but not the text: ilike has the last word.
    expect(await searchHandles(pk, 'e,e')).toEqual([]);
    expect(await searchHandles(pk, 'e, s')).toEqual(['size']);

    // The title's pieces follow it (a trigger keeps them), and go with the product.
    await t.current.db.update(products).set({ title: '亚麻衬衣' }).where(eq(products.id, shirt.id));
    expect(await searchHandles(pk, '衬衫')).toEqual([]);
    expect(await searchHandles(pk, '衬衣')).toEqual(['shirt']);
    await t.current.db.delete(products).where(eq(products.id, shirt.id));
    const left = await t.current.db.execute<{ n: number }>(
      sql`select count(*)::int as n from product_title_grams where product_id = ${shirt.id}`,
    );
    expect((left as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('pages through the matches in store order with the cursor', async () => {
    const { store, pk } = await createTestStore(t.current.db);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      made.push((await createTestProduct(t.current.db, store, { title: `Wool Sock ${i}` })).handle);
      await createTestProduct(t.current.db, store, { title: `Cotton Cap ${i}` });
    }
    await createTestProduct(t.current.db, store, { title: 'Wool Draft', status: 'draft' });
    const other = await createTestStore(t.current.db);
    await createTestProduct(t.current.db, other.store, { title: 'Wool Elsewhere' });

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: { body: { items: { handle: string }[]; nextCursor: string | null } } =
        await t.current.request(
          `/v1/products?first=3&query=wool${after ? `&after=${after}` : ''}`,
          { key: pk },
        );
      seen.push(...res.body.items.map((p) => p.handle));
      after = res.body.nextCursor;
    } while (after);
    expect(seen).toEqual(made);
  });
});

/** The plan PostgreSQL picks for a storefront search of `text`: listProducts' query shape. */
async function searchPlan(db: Db, store: Store, text: string): Promise<string> {
  const query = db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        eq(products.storeId, store.id),
        eq(products.status, 'active'),
        productSearchCondition(text),
      ),
    )
    .orderBy(asc(products.position))
    .limit(21);
  const result = await db.execute(sql`explain ${query.getSQL()}`);
  const rows = (result as unknown as { rows: Record<string, string>[] }).rows;
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe('the search at a few thousand products', () => {
  it('looks the text up in an index instead of reading every product, short texts too', async () => {
    const { store } = await createTestStore(t.current.db);
    // 2,000 products with varied text (md5 words), then one to find.
    await t.current.db.execute(sql`
      insert into products (id, store_id, handle, title, description, vendor)
      select gen_random_uuid(), ${store.id}, 'p-' || i, 'Item ' || md5(i::text),
        'Made of ' || md5((i * 7)::text) || ' and ' || md5((i * 13)::text), 'Vendor ' || (i % 50)
      from generate_series(1, 2000) as i`);
    await createTestProduct(t.current.db, store, { handle: 'scarf', title: 'Lambswool Scarf' });
    // The statistics autovacuum keeps on PostgreSQL, and the analyze-catalog job on PGlite.
    await runJob(t.current, analyzeCatalogJob);

    const plan = await searchPlan(t.current.db, store, 'lambswool');
    expect(plan).toMatch(/Bitmap Index Scan on products_search_trgm/);
    expect(plan).not.toMatch(/Seq Scan/);
    // Too short for a trigram: the piece is looked up by itself first (md5 titles have no
    // "zq"), not checked product by product.
    const short = await searchPlan(t.current.db, store, 'zq');
    expect(short).toMatch(/Scan (on|using) product_title_grams_gram_product_id_pk/);
    expect(short).toMatch(/Index Cond: \(gram = 'zq'::text\)$/m);
  });
});
