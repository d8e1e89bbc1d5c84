import { createHash } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/index.js';

// What the seed writes is the same on every machine and run: ids derive from names, and
// randomness from a seeded generator.

/** Stable UUIDs from names, so the demo's ids are the same on every machine and run. */
export function demoId(name: string): string {
  const h = createHash('sha256').update(`kiosk-demo:${name}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic PRNG (mulberry32) seeded from a string. */
export function prng(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Row<T extends PgTable> = T['$inferInsert'];

/** Multi-row inserts in chunks (PostgreSQL caps a statement at 65535 parameters). */
export async function insertAll<T extends PgTable>(tx: Tx, table: T, rows: Row<T>[], size = 400) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size));
  }
}
