import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './index.js';

/** The rows of a raw statement, whichever driver runs it (both answer `{ rows }`). */
export async function selectRows<T>(conn: Db | Tx, query: SQL): Promise<T[]> {
  const result = await conn.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
