CREATE TABLE "rate_limits" (
	"store_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"count" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limits_store_id_bucket_pk" PRIMARY KEY("store_id","bucket")
);
--> statement-breakpoint
CREATE INDEX "rate_limits_expires_at" ON "rate_limits" USING btree ("expires_at");