-- Which organisation a credential or an id belongs to, before any organisation is known
-- (docs/decisions.md, "Organisations and row-level security"). A statement outside every
-- organisation's scope sees no case data (migration 0014's policies), so the edges that start
-- from a credential — a participant's session cookie, a join link, a calendar feed's token — or
-- from an id that is not yet in any scope (a collaboration room's meeting or case, an unsubscribe
-- link's participant, a queued mail) first ask one of these functions for the organisation, then
-- enter it and read the rows under row-level security as always.
--
-- Each runs with the owner's rights (SECURITY DEFINER: the owner is not subject to the policies),
-- answers one organisation's id or NULL, and nothing else: no row of case data leaves them. The
-- application's role may execute them (db/roles.ts); nobody else may.
CREATE FUNCTION "stepwise_organisation_of_case"("case_id" uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM cases c WHERE c.id = $1 $$;
--> statement-breakpoint
CREATE FUNCTION "stepwise_organisation_of_meeting"("meeting_id" uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM meetings m JOIN cases c ON c.id = m.case_id WHERE m.id = $1 $$;
--> statement-breakpoint
CREATE FUNCTION "stepwise_organisation_of_participant"("participant_id" uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM participants p JOIN cases c ON c.id = p.case_id WHERE p.id = $1 $$;
--> statement-breakpoint
CREATE FUNCTION "stepwise_organisation_of_participant_session"("token_hash" bytea) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM participant_sessions s JOIN participants p ON p.id = s.participant_id
        JOIN cases c ON c.id = p.case_id WHERE s.token_hash = $1 $$;
--> statement-breakpoint
CREATE FUNCTION "stepwise_organisation_of_join_link"("token_hash" bytea) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM join_links l JOIN participants p ON p.id = l.participant_id
        JOIN cases c ON c.id = p.case_id WHERE l.token_hash = $1 $$;
--> statement-breakpoint
CREATE FUNCTION "stepwise_organisation_of_calendar_feed"("token_hash" bytea) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM calendar_subscriptions s JOIN participants p ON p.id = s.participant_id
        JOIN cases c ON c.id = p.case_id WHERE s.token_hash = $1 $$;
--> statement-breakpoint
CREATE FUNCTION "stepwise_organisation_of_outbox_mail"("mail_id" uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT c.organisation_id FROM outbox_mail o JOIN participants p ON p.id = o.participant_id
        JOIN cases c ON c.id = p.case_id WHERE o.id = $1 $$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION "stepwise_organisation_of_case"(uuid), "stepwise_organisation_of_meeting"(uuid),
  "stepwise_organisation_of_participant"(uuid), "stepwise_organisation_of_participant_session"(bytea),
  "stepwise_organisation_of_join_link"(bytea), "stepwise_organisation_of_calendar_feed"(bytea),
  "stepwise_organisation_of_outbox_mail"(uuid) FROM PUBLIC;
