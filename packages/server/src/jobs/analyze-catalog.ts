import { sql } from 'drizzle-orm';
import type { Job } from './scheduler.js';

/**
 * Refreshes the planner's statistics of the catalog's tables, for embedded PGlite only, which
 * has no autovacuum to do it: without them the planner guesses how many products a search
 * matches, and a short search (services/product-search.ts) read every product to find none.
 * PostgreSQL's autovacuum does this on its own. A few hundred milliseconds at 100,000
 * products, on the event loop like every PGlite statement: hence every ten minutes, not after
 * every change.
 */
export const analyzeCatalogJob: Job = {
  name: 'analyze-catalog',
  everyMs: 10 * 60 * 1000,
  run: async ({ db }) => {
    await db.execute(sql`analyze products, product_title_grams, variants, variant_prices`);
  },
};
