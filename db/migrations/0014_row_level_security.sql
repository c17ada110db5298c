-- Row-level security: each organisation's case data only to requests acting in that organisation
-- (docs/decisions.md, "Organisations and row-level security"). The application sets
-- `stepwise.organisation_id` for every statement (db/organisation-scope.ts): an organisation's id,
-- or '*' for work that spans organisations (start-up, jobs — see the decision for what still runs
-- so). Unset or anything else: no rows. The owner (migrations) is not subject to it; the
-- application role is (it owns nothing and has no BYPASSRLS; on PGlite it is entered by SET ROLE).
CREATE FUNCTION "stepwise_organisation_visible"("org" uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('stepwise.organisation_id', true), '') IN ('*', "org"::text) $$;--> statement-breakpoint
ALTER TABLE "cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "cases" USING ("stepwise_organisation_visible"("organisation_id")) WITH CHECK ("stepwise_organisation_visible"("organisation_id"));--> statement-breakpoint
-- Every other table reaches its organisation through the case (or its participant, meeting,
-- agreement, document): a sub-select of a protected table is itself filtered by its policy.
ALTER TABLE "participants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "participants" USING ("case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "meetings" USING ("case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "agreements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "agreements" USING ("case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "agreement_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "agreement_events" USING ("agreement_id" IN (SELECT "id" FROM "agreements")) WITH CHECK ("agreement_id" IN (SELECT "id" FROM "agreements"));--> statement-breakpoint
ALTER TABLE "progress_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "progress_entries" USING ("case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "measure_privacy" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "measure_privacy" USING ("case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "access_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "access_log" USING ("case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "join_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "join_links" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "participant_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "participant_sessions" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "invitation_answers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "invitation_answers" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "agreement_read_receipts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "agreement_read_receipts" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "calendar_subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "calendar_subscriptions" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "outbox_mail" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "outbox_mail" USING ("participant_id" IS NULL OR "participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IS NULL OR "participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "collab_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "collab_documents" USING ("stepwise_organisation_visible"(NULL) OR "meeting_id" IN (SELECT "id" FROM "meetings") OR "case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("stepwise_organisation_visible"(NULL) OR "meeting_id" IN (SELECT "id" FROM "meetings") OR "case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "collab_updates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "collab_updates" USING ("doc_name" IN (SELECT "name" FROM "collab_documents")) WITH CHECK ("doc_name" IN (SELECT "name" FROM "collab_documents"));
--> statement-breakpoint
ALTER TABLE "participant_languages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "participant_languages" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "reminder_unsubscribes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "reminder_unsubscribes" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));--> statement-breakpoint
ALTER TABLE "reminders_sent" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "reminders_sent" USING ("participant_id" IN (SELECT "id" FROM "participants")) WITH CHECK ("participant_id" IN (SELECT "id" FROM "participants"));
--> statement-breakpoint
-- Tables that arrived beside this migration: the case's lifecycle events, and the eID confirmations of a participant's session.
ALTER TABLE "case_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "case_events" USING ("case_id" IN (SELECT "id" FROM "cases")) WITH CHECK ("case_id" IN (SELECT "id" FROM "cases"));--> statement-breakpoint
ALTER TABLE "eid_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "eid_attempts" USING ("session_id" IN (SELECT "id" FROM "participant_sessions")) WITH CHECK ("session_id" IN (SELECT "id" FROM "participant_sessions"));--> statement-breakpoint
ALTER TABLE "participant_eid" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "organisation" ON "participant_eid" USING ("session_id" IN (SELECT "id" FROM "participant_sessions")) WITH CHECK ("session_id" IN (SELECT "id" FROM "participant_sessions"));
