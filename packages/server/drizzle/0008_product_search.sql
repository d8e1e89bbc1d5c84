-- The storefront search's trigram index needs pg_trgm, trusted since PostgreSQL 13: a user with
-- CREATE on the database may create it. PGlite loads it in openPglite (src/db/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "products_search_trgm" ON "products" USING gin (("title" || E'\x1f' || "description" || E'\x1f' || "vendor" || E'\x1f' || "handle") gin_trgm_ops) WITH (fastupdate=false);