-- The storefront search's trigram indexes need pg_trgm, trusted since PostgreSQL 13: a user with
-- CREATE on the database may create it. PGlite loads it in openPglite (src/db/index.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "products_title_trgm" ON "products" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_description_trgm" ON "products" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_vendor_trgm" ON "products" USING gin ("vendor" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_handle_trgm" ON "products" USING gin ("handle" gin_trgm_ops);