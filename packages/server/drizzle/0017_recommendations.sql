CREATE TABLE "product_pairs" (
	"store_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"other_id" uuid NOT NULL,
	"orders" integer NOT NULL,
	CONSTRAINT "product_pairs_store_id_product_id_other_id_pk" PRIMARY KEY("store_id","product_id","other_id")
);
--> statement-breakpoint
CREATE TABLE "product_sales" (
	"store_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"product_id" uuid NOT NULL,
	"orders" integer NOT NULL,
	CONSTRAINT "product_sales_store_id_currency_product_id_pk" PRIMARY KEY("store_id","currency","product_id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "personalization" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "product_pairs" ADD CONSTRAINT "product_pairs_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_pairs" ADD CONSTRAINT "product_pairs_other_id_products_id_fk" FOREIGN KEY ("other_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_sales" ADD CONSTRAINT "product_sales_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_pairs_rank" ON "product_pairs" USING btree ("store_id","product_id","orders" DESC NULLS LAST,"other_id");--> statement-breakpoint
CREATE INDEX "product_pairs_other" ON "product_pairs" USING btree ("other_id");--> statement-breakpoint
CREATE INDEX "product_sales_rank" ON "product_sales" USING btree ("store_id","currency","orders" DESC NULLS LAST,"product_id");--> statement-breakpoint
CREATE INDEX "product_sales_product" ON "product_sales" USING btree ("product_id");