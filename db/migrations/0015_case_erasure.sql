CREATE TABLE "case_erasures" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"erased_by" text NOT NULL,
	"case_created_at" timestamp with time zone NOT NULL,
	"agreements" jsonb NOT NULL,
	"access_log_rows" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "closed_case_retention_days" integer;
--> statement-breakpoint
-- Erasure (GDPR Art. 17) and the access log's retention, without opening the evidence to the
-- application (docs/decisions.md, "Erasure"). The append-only guards stay; a DELETE passes them
-- only while one of the two functions below runs, and only for the rows it names: the rows of the
-- case being erased, or access-log rows older than the retention cut-off. The functions run with
-- the owner's rights (SECURITY DEFINER); the application's role keeps no DELETE on the evidence
-- tables, so calling a function is its only way, and each call leaves its own trace.
CREATE OR REPLACE FUNCTION stepwise_deletion_allowed(tbl text, r jsonb) RETURNS boolean AS $$
DECLARE
  erasing text := nullif(current_setting('stepwise.erasing_case', true), '');
  purge_before text := nullif(current_setting('stepwise.purge_access_log_before', true), '');
  row_case text;
  row_at timestamptz;
BEGIN
  IF erasing IS NULL AND purge_before IS NULL THEN
    RETURN false;
  END IF;
  CASE tbl
    WHEN 'access_log' THEN
      row_case := r->>'case_id';
      row_at := (r->>'at')::timestamptz;
    WHEN 'access_log_repeats' THEN
      SELECT l.case_id::text, greatest(l.at, (r->>'last_at')::timestamptz) INTO row_case, row_at
        FROM access_log l WHERE l.id = (r->>'access_log_id')::bigint;
    WHEN 'agreements' THEN
      row_case := r->>'case_id';
    WHEN 'agreement_events' THEN
      SELECT a.case_id::text INTO row_case FROM agreements a WHERE a.id = (r->>'agreement_id')::uuid;
    WHEN 'agreement_events_before_attestation' THEN
      SELECT a.case_id::text INTO row_case
        FROM agreement_events e JOIN agreements a ON a.id = e.agreement_id WHERE e.id = (r->>'event_id')::bigint;
    ELSE
      RETURN false;
  END CASE;
  RETURN (erasing IS NOT NULL AND row_case = erasing)
      OR (purge_before IS NOT NULL AND row_at IS NOT NULL AND row_at < purge_before::timestamptz);
END;
$$ LANGUAGE plpgsql STABLE SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stepwise_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' AND stepwise_deletion_allowed(TG_TABLE_NAME, to_jsonb(OLD)) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% on % is not allowed: the rows are append-only evidence', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stepwise_guard_access_log_repeats() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF stepwise_deletion_allowed(TG_TABLE_NAME, to_jsonb(OLD)) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'DELETE on access_log_repeats is not allowed: the counts are evidence'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.access_log_id IS DISTINCT FROM OLD.access_log_id OR NEW.count < OLD.count OR NEW.last_at < OLD.last_at THEN
    RAISE EXCEPTION 'an access-log count may only grow'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SET search_path = public, pg_temp;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stepwise_guard_agreement() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF stepwise_deletion_allowed(TG_TABLE_NAME, to_jsonb(OLD)) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'DELETE on agreements is not allowed: agreements are evidence'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The meeting may be deleted (its id is then cleared); nothing that is evidence may change.
  IF NEW.canonical IS DISTINCT FROM OLD.canonical
     OR NEW.fingerprint IS DISTINCT FROM OLD.fingerprint
     OR NEW.version IS DISTINCT FROM OLD.version
     OR NEW.case_id IS DISTINCT FROM OLD.case_id
     OR NEW.reason IS DISTINCT FROM OLD.reason
     OR NEW.required_signers IS DISTINCT FROM OLD.required_signers
     OR NEW.supporters IS DISTINCT FROM OLD.supporters
     OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR NEW.prepared_by IS DISTINCT FROM OLD.prepared_by THEN
    RAISE EXCEPTION 'an agreement''s frozen content cannot change; prepare a new version instead'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.sealed_at IS NOT NULL AND (
       NEW.sealed_at IS DISTINCT FROM OLD.sealed_at
       OR NEW.seal_kid IS DISTINCT FROM OLD.seal_kid
       OR NEW.seal_signature IS DISTINCT FROM OLD.seal_signature
       OR NEW.chain_head IS DISTINCT FROM OLD.chain_head
       OR (NEW.meeting_id IS DISTINCT FROM OLD.meeting_id AND NEW.meeting_id IS NOT NULL)) THEN
    RAISE EXCEPTION 'a sealed agreement cannot change'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SET search_path = public, pg_temp;
--> statement-breakpoint
-- Erase one case: every row about it, the evidence included, in the caller's transaction. What
-- stays is one case_erasures row (ids, times, fingerprints and seals; no name, address or text).
-- A reason is required; an unknown case is an error (SQLSTATE P0002), never a silent no-op.
CREATE OR REPLACE FUNCTION stepwise_erase_case(p_case uuid, p_reason text, p_by text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  kept jsonb;
  log_rows integer;
  created timestamptz;
BEGIN
  IF p_reason IS NULL OR length(btrim(p_reason)) = 0 THEN
    RAISE EXCEPTION 'an erasure needs a reason' USING ERRCODE = '22023';
  END IF;
  IF p_by IS NULL OR length(btrim(p_by)) = 0 THEN
    RAISE EXCEPTION 'an erasure needs to say who or what erased' USING ERRCODE = '22023';
  END IF;
  SELECT created_at INTO created FROM cases WHERE id = p_case FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no case %', p_case USING ERRCODE = 'P0002';
  END IF;
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'version', version, 'fingerprint', fingerprint, 'createdAt', created_at, 'sealedAt', sealed_at,
           'sealKid', seal_kid, 'sealSignature', seal_signature, 'chainHead', chain_head) ORDER BY version), '[]'::jsonb)
    INTO kept FROM agreements WHERE case_id = p_case;
  SELECT count(*) INTO log_rows FROM access_log WHERE case_id = p_case;
  PERFORM set_config('stepwise.erasing_case', p_case::text, true);
  DELETE FROM access_log_repeats WHERE access_log_id IN (SELECT id FROM access_log WHERE case_id = p_case);
  DELETE FROM access_log WHERE case_id = p_case;
  DELETE FROM progress_entries WHERE case_id = p_case;
  DELETE FROM agreement_read_receipts WHERE agreement_id IN (SELECT id FROM agreements WHERE case_id = p_case);
  DELETE FROM agreement_events_before_attestation WHERE event_id IN (
    SELECT e.id FROM agreement_events e JOIN agreements a ON a.id = e.agreement_id WHERE a.case_id = p_case);
  DELETE FROM agreement_events WHERE agreement_id IN (SELECT id FROM agreements WHERE case_id = p_case);
  DELETE FROM agreements WHERE case_id = p_case;
  -- Everything else about the case hangs off it with ON DELETE CASCADE: participants (their links,
  -- sessions, calendar links, answers, outbox mail), meetings (their shared documents and update
  -- logs), the private preparation, progress and measure choices.
  DELETE FROM cases WHERE id = p_case;
  PERFORM set_config('stepwise.erasing_case', '', true);
  INSERT INTO case_erasures (case_id, reason, erased_by, case_created_at, agreements, access_log_rows)
    VALUES (p_case, btrim(p_reason), btrim(p_by), created, kept, log_rows);
  RETURN jsonb_build_object('agreements', jsonb_array_length(kept), 'accessLogRows', log_rows);
END;
$$;
--> statement-breakpoint
-- The access log's retention: rows whose last showing is older than `p_before` go. Never a
-- cut-off less than 180 days back, whoever calls (the employee's view of who read their case
-- must not be emptied by a setting or a compromised application).
CREATE OR REPLACE FUNCTION stepwise_purge_access_log(p_before timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  purged integer;
BEGIN
  IF p_before IS NULL OR p_before > now() - interval '180 days' THEN
    RAISE EXCEPTION 'the access log is kept at least 180 days' USING ERRCODE = '22023';
  END IF;
  PERFORM set_config('stepwise.purge_access_log_before', p_before::text, true);
  -- The counts first (a row is as new as its last showing), then the rows left without one.
  DELETE FROM access_log_repeats r USING access_log l
    WHERE l.id = r.access_log_id AND greatest(l.at, r.last_at) < p_before;
  DELETE FROM access_log l
    WHERE l.at < p_before AND NOT EXISTS (SELECT 1 FROM access_log_repeats r WHERE r.access_log_id = l.id);
  GET DIAGNOSTICS purged = ROW_COUNT;
  PERFORM set_config('stepwise.purge_access_log_before', '', true);
  RETURN purged;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION stepwise_erase_case(uuid, text, text) FROM PUBLIC;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION stepwise_purge_access_log(timestamptz) FROM PUBLIC;
--> statement-breakpoint
-- The record of an erasure is evidence too: written by stepwise_erase_case only, never changed.
CREATE TRIGGER case_erasures_append_only BEFORE UPDATE OR DELETE ON case_erasures
  FOR EACH ROW EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_erasures_no_truncate BEFORE TRUNCATE ON case_erasures
  FOR EACH STATEMENT EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
ALTER TABLE case_erasures ENABLE ALWAYS TRIGGER case_erasures_append_only;
--> statement-breakpoint
ALTER TABLE case_erasures ENABLE ALWAYS TRIGGER case_erasures_no_truncate;
