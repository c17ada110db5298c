CREATE TYPE "public"."country" AS ENUM('DK', 'NO');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('caseworker', 'team_lead', 'admin');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"country" "country" NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Until now any non-null staff_role meant "caseworker" (the only role there was); "admin" keeps its meaning.
ALTER TABLE "users" ALTER COLUMN "staff_role" SET DATA TYPE "public"."staff_role" USING (CASE WHEN "staff_role" IS NULL THEN NULL WHEN "staff_role" IN ('caseworker', 'team_lead', 'admin') THEN "staff_role" ELSE 'caseworker' END)::"public"."staff_role";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
-- An installation that already has cases or staff had one organisation without a row: give it one.
-- Its name and country come from ORGANISATION_NAME / ORGANISATION_COUNTRY at every start
-- (lib/organisation/ensure-bootstrap-organisation.ts), as they did before organisations were stored.
INSERT INTO "organisations" ("name", "country", "settings")
SELECT '', 'DK', '{"fromEnvironment": true}'::jsonb
WHERE EXISTS (SELECT 1 FROM "cases") OR EXISTS (SELECT 1 FROM "users" WHERE "staff_role" IS NOT NULL);--> statement-breakpoint
UPDATE "cases" SET "organisation_id" = (SELECT "id" FROM "organisations" LIMIT 1);--> statement-breakpoint
UPDATE "users" SET "organisation_id" = (SELECT "id" FROM "organisations" LIMIT 1) WHERE "staff_role" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_organisation_idx" ON "cases" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");
--> statement-breakpoint
-- At most one organisation takes its name and country from the environment.
CREATE UNIQUE INDEX "organisations_one_from_environment" ON "organisations" ((true)) WHERE "settings"->>'fromEnvironment' = 'true';
