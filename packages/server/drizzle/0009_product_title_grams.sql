CREATE TABLE "product_title_grams" (
	"product_id" uuid NOT NULL,
	"gram" text NOT NULL,
	CONSTRAINT "product_title_grams_gram_product_id_pk" PRIMARY KEY("gram","product_id")
);
--> statement-breakpoint
ALTER TABLE "product_title_grams" ADD CONSTRAINT "product_title_grams_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_title_grams_product" ON "product_title_grams" USING btree ("product_id");--> statement-breakpoint
-- A piece's frequency decides the plan: looked up first when rare, checked while walking the
-- store order when common. The default 100 most common values missed most of them (a catalog
-- has a few hundred distinct pieces in Latin script, thousands in Chinese), and an absent
-- piece was taken for a common one: every product was read to find none.
ALTER TABLE "product_title_grams" ALTER COLUMN "gram" SET STATISTICS 1000;--> statement-breakpoint
-- The distinct lowercased pieces of `size` characters of a text: what product_title_grams
-- holds of a title (sizes 1 and 2) and what a short search looks up (services/product-search.ts).
CREATE FUNCTION kiosk_title_grams(body text, size int) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT DISTINCT substr(lower(body), i, size) FROM generate_series(1, char_length(body) - size + 1) AS i $$;--> statement-breakpoint
CREATE FUNCTION kiosk_keep_title_grams() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM product_title_grams WHERE product_id = NEW.id;
  END IF;
  INSERT INTO product_title_grams (product_id, gram)
    SELECT NEW.id, g FROM kiosk_title_grams(NEW.title, 1) AS g
    UNION SELECT NEW.id, g FROM kiosk_title_grams(NEW.title, 2) AS g;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER products_title_grams AFTER INSERT OR UPDATE OF title ON products
  FOR EACH ROW EXECUTE FUNCTION kiosk_keep_title_grams();--> statement-breakpoint
INSERT INTO product_title_grams (product_id, gram)
  SELECT p.id, g FROM products p, kiosk_title_grams(p.title, 1) AS g
  UNION SELECT p.id, g FROM products p, kiosk_title_grams(p.title, 2) AS g;
