CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"product_id" uuid,
	"url" text,
	"audience" jsonb NOT NULL,
	"send_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"campaign_id" uuid,
	"topic" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_messages_once" UNIQUE("subscription_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "notification_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"customer_id" uuid,
	"channel" text NOT NULL,
	"topic" text NOT NULL,
	"product_id" uuid,
	"address" text NOT NULL,
	"push_p256dh" text,
	"push_auth" text,
	"locale" text NOT NULL,
	"time_zone" text NOT NULL,
	"landing_url" text,
	"confirmed_at" timestamp with time zone,
	"confirm_hash" text,
	"unsubscribe_hash" text NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_subscriptions_confirm_hash_unique" UNIQUE("confirm_hash"),
	CONSTRAINT "notification_subscriptions_unsubscribe_hash_unique" UNIQUE("unsubscribe_hash")
);
--> statement-breakpoint
ALTER TABLE "cart_lines" ADD COLUMN "campaign" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "campaign" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_messages" ADD CONSTRAINT "notification_messages_subscription_id_notification_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."notification_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_messages" ADD CONSTRAINT "notification_messages_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_subscriptions" ADD CONSTRAINT "notification_subscriptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_subscriptions" ADD CONSTRAINT "notification_subscriptions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_due" ON "campaigns" USING btree ("status","send_at");--> statement-breakpoint
CREATE INDEX "notification_messages_due" ON "notification_messages" USING btree ("status","not_before");--> statement-breakpoint
CREATE INDEX "notification_messages_campaign" ON "notification_messages" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_subscriptions_live" ON "notification_subscriptions" USING btree ("store_id","channel","topic","address",coalesce("product_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "notification_subscriptions"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "notification_subscriptions_product" ON "notification_subscriptions" USING btree ("store_id","topic","product_id");--> statement-breakpoint
CREATE INDEX "notification_subscriptions_customer" ON "notification_subscriptions" USING btree ("customer_id");