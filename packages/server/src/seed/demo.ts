import type { Db } from '../db/index.js';

/**
 * Seeds the demo stores (CONTRACT.md §1) into an empty database. Returns false when the
 * stores are already there, so a restart keeps what the demo did.
 */
export async function seedDemo(_db: Db): Promise<boolean> {
  // Filled in by the catalog work (aurora with 60+ products, borealis with 8+).
  return false;
}
