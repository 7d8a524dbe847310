DROP INDEX "apps_did_key";--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "proven_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "apps" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "apps_did_key" ON "apps" USING btree ("did") WHERE "apps"."released_at" is null;