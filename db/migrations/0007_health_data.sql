CREATE TABLE "measure_privacy" (
	"case_id" uuid NOT NULL,
	"sub_goal_id" text NOT NULL,
	"health" boolean NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"set_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_privacy_case_id_sub_goal_id_pk" PRIMARY KEY("case_id","sub_goal_id")
);
--> statement-breakpoint
ALTER TABLE "measure_privacy" ADD CONSTRAINT "measure_privacy_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_privacy" ADD CONSTRAINT "measure_privacy_set_by_participants_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;