CREATE TABLE "participant_languages" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"locale" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_unsubscribes" (
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_unsubscribes_participant_id_kind_pk" PRIMARY KEY("participant_id","kind")
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"occasion" text NOT NULL,
	"outbox_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_participant_id_kind_subject_occasion_pk" PRIMARY KEY("participant_id","kind","subject","occasion")
);
--> statement-breakpoint
ALTER TABLE "outbox_mail" ADD COLUMN "calendar" text;--> statement-breakpoint
ALTER TABLE "participant_languages" ADD CONSTRAINT "participant_languages_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_unsubscribes" ADD CONSTRAINT "reminder_unsubscribes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders_sent" ADD CONSTRAINT "reminders_sent_outbox_id_outbox_mail_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox_mail"("id") ON DELETE set null ON UPDATE no action;