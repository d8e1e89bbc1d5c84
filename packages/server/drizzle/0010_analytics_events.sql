CREATE TABLE "analytics_events" (
	"store_id" uuid NOT NULL,
	"name" text NOT NULL,
	"product_id" uuid NOT NULL,
	"ref" text,
	"channel" text,
	"day" date NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"value_minor" bigint NOT NULL,
	"currency" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_events_store_day" ON "analytics_events" USING btree ("store_id","day","name");--> statement-breakpoint
CREATE INDEX "analytics_events_store_ref_day" ON "analytics_events" USING btree ("store_id","ref","day") WHERE "analytics_events"."ref" is not null;