CREATE TABLE "staff_session_auth" (
	"session_token" text PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_session_auth" ADD CONSTRAINT "staff_session_auth_session_token_auth_sessions_session_token_fk" FOREIGN KEY ("session_token") REFERENCES "public"."auth_sessions"("session_token") ON DELETE cascade ON UPDATE no action;