CREATE TYPE "public"."case_event_kind" AS ENUM('closed', 'reopened', 'handed_over');--> statement-breakpoint
CREATE TYPE "public"."case_outcome" AS ENUM('full_return', 'partial_return', 'other_job', 'education', 'left_labour_market', 'other');--> statement-breakpoint
CREATE TYPE "public"."case_state" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_event_kind" NOT NULL,
	"outcome" "case_outcome",
	"closed_on" date,
	"reason" text,
	"from_user_id" text,
	"to_user_id" text,
	"by_user_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "sick_leave_start" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "assigned_caseworker_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "state" "case_state" DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "outcome" "case_outcome";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "closed_on" date;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assigned_caseworker_id_users_id_fk" FOREIGN KEY ("assigned_caseworker_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_assigned_caseworker_idx" ON "cases" USING btree ("assigned_caseworker_id");--> statement-breakpoint
-- Hand-written: existing cases are assigned to the staff member who opened them.
UPDATE "cases" SET "assigned_caseworker_id" = "created_by" WHERE "assigned_caseworker_id" IS NULL;--> statement-breakpoint
-- A closed case always says how and when it ended; an open one says neither.
ALTER TABLE "cases" ADD CONSTRAINT "cases_closed_has_outcome" CHECK (
  ("state" = 'open' AND "outcome" IS NULL AND "closed_on" IS NULL)
  OR ("state" = 'closed' AND "outcome" IS NOT NULL AND "closed_on" IS NOT NULL)
);--> statement-breakpoint
-- Each kind of lifecycle event carries what it is about.
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_shape" CHECK (
  ("kind" = 'closed' AND "outcome" IS NOT NULL AND "closed_on" IS NOT NULL)
  OR ("kind" = 'reopened' AND "reason" IS NOT NULL)
  OR ("kind" = 'handed_over' AND "to_user_id" IS NOT NULL)
);
