DROP INDEX "points_entries_one_reversal";--> statement-breakpoint
ALTER TABLE "points_entries" ADD COLUMN "return_id" uuid;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_return_id_return_requests_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."return_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_one_reversal_per_return" ON "points_entries" USING btree ("reverses_id","return_id") WHERE "points_entries"."return_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "points_entries_one_reversal" ON "points_entries" USING btree ("reverses_id") WHERE "points_entries"."return_id" is null;