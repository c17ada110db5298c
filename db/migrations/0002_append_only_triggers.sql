-- Evidence must not be rewritten, not even by the application: these triggers refuse it in the
-- database itself. The access log and agreement events are append-only; an agreement's frozen
-- bytes never change, and nothing about it changes once sealed.
CREATE OR REPLACE FUNCTION stepwise_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed: the rows are append-only evidence', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
CREATE TRIGGER agreement_events_append_only BEFORE UPDATE OR DELETE ON agreement_events
  FOR EACH ROW EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
CREATE TRIGGER agreement_events_no_truncate BEFORE TRUNCATE ON agreement_events
  FOR EACH STATEMENT EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stepwise_guard_agreement() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
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
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agreements_guard BEFORE UPDATE OR DELETE ON agreements
  FOR EACH ROW EXECUTE FUNCTION stepwise_guard_agreement();
--> statement-breakpoint
CREATE TRIGGER agreements_no_truncate BEFORE TRUNCATE ON agreements
  FOR EACH STATEMENT EXECUTE FUNCTION stepwise_refuse_change();
