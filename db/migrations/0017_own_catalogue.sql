CREATE TABLE "organisation_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"hours_per_week" double precision,
	"at_workplace" boolean DEFAULT false NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_activities" ADD CONSTRAINT "organisation_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_providers" ADD CONSTRAINT "organisation_providers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_activities_name_idx" ON "organisation_activities" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_providers_name_idx" ON "organisation_providers" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
-- Row-level security as for the other tables that carry their organisation (migration 0014): a
-- request sees and writes only its own organisation's providers and activities.
ALTER TABLE "organisation_providers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "organisation_providers" USING ("stepwise_organisation_visible"("organisation_id")) WITH CHECK ("stepwise_organisation_visible"("organisation_id"));--> statement-breakpoint
ALTER TABLE "organisation_activities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "organisation_activities" USING ("stepwise_organisation_visible"("organisation_id")) WITH CHECK ("stepwise_organisation_visible"("organisation_id"));
