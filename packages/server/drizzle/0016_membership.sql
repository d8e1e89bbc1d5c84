CREATE TABLE "birthday_gifts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"entry_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "birthday_gifts_once_a_year" UNIQUE("store_id","customer_id","year")
);
--> statement-breakpoint
CREATE TABLE "membership_grants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_grants_one_per_order" UNIQUE("order_id"),
	CONSTRAINT "membership_grants_window" CHECK ("membership_grants"."ends_at" > "membership_grants"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "birthday_month" smallint;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "birthday_day" smallint;--> statement-breakpoint
ALTER TABLE "birthday_gifts" ADD CONSTRAINT "birthday_gifts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "birthday_gifts" ADD CONSTRAINT "birthday_gifts_entry_id_points_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."points_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_grants" ADD CONSTRAINT "membership_grants_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_grants" ADD CONSTRAINT "membership_grants_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_grants_customer" ON "membership_grants" USING btree ("store_id","customer_id","ends_at");--> statement-breakpoint
CREATE INDEX "customers_birthday" ON "customers" USING btree ("birthday_month","birthday_day");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_birthday_valid" CHECK (("customers"."birthday_month" is null) = ("customers"."birthday_day" is null)
        and ("customers"."birthday_month" is null or ("customers"."birthday_month" between 1 and 12 and "customers"."birthday_day" between 1 and 31)));