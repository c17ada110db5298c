CREATE TABLE "agreement_events_before_attestation" (
	"event_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_events" ADD COLUMN "attest_kid" text;--> statement-breakpoint
ALTER TABLE "agreement_events" ADD COLUMN "attest_signature" text;--> statement-breakpoint
ALTER TABLE "agreement_events" ADD COLUMN "client_facts" "bytea";--> statement-breakpoint
ALTER TABLE "agreement_events_before_attestation" ADD CONSTRAINT "agreement_events_before_attestation_event_id_agreement_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."agreement_events"("id") ON DELETE restrict ON UPDATE no action;
--> statement-breakpoint
-- Events written before this migration carry no attestation (the server's signature on each
-- event). They are listed here once; the list is then closed, and the application's role may
-- only read it (lib/system/database-roles), so no later row can pass itself off as one of them.
INSERT INTO "agreement_events_before_attestation" ("event_id") SELECT "id" FROM "agreement_events";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stepwise_refuse_insert() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'INSERT on % is not allowed: %', TG_TABLE_NAME, TG_ARGV[0]
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agreement_events_before_attestation_closed BEFORE INSERT ON agreement_events_before_attestation
  FOR EACH ROW EXECUTE FUNCTION stepwise_refuse_insert('the list of events from before attestations is closed');
--> statement-breakpoint
CREATE TRIGGER agreement_events_before_attestation_append_only BEFORE UPDATE OR DELETE ON agreement_events_before_attestation
  FOR EACH ROW EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
CREATE TRIGGER agreement_events_before_attestation_no_truncate BEFORE TRUNCATE ON agreement_events_before_attestation
  FOR EACH STATEMENT EXECUTE FUNCTION stepwise_refuse_change();
--> statement-breakpoint
-- An agreement is inserted unsealed and sealed once, by the UPDATE that follows its signatures;
-- a sealed agreement takes no further events.
CREATE OR REPLACE FUNCTION stepwise_agreement_inserted_unsealed() RETURNS trigger AS $$
BEGIN
  IF NEW.sealed_at IS NOT NULL OR NEW.seal_kid IS NOT NULL OR NEW.seal_signature IS NOT NULL OR NEW.chain_head IS NOT NULL THEN
    RAISE EXCEPTION 'an agreement is inserted unsealed; it is sealed after its signatures'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agreements_insert_unsealed BEFORE INSERT ON agreements
  FOR EACH ROW EXECUTE FUNCTION stepwise_agreement_inserted_unsealed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stepwise_no_event_after_seal() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM agreements WHERE id = NEW.agreement_id AND sealed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'the agreement is sealed; no further events'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agreement_events_none_after_seal BEFORE INSERT ON agreement_events
  FOR EACH ROW EXECUTE FUNCTION stepwise_no_event_after_seal();
--> statement-breakpoint
-- ENABLE ALWAYS: these guards fire even under session_replication_role = replica, which a
-- superuser could otherwise set to skip them. (Only the tables' owner can disable a trigger, and
-- the application does not run as the owner: docs/database-roles.md.)
ALTER TABLE access_log ENABLE ALWAYS TRIGGER access_log_append_only;
--> statement-breakpoint
ALTER TABLE access_log ENABLE ALWAYS TRIGGER access_log_no_truncate;
--> statement-breakpoint
ALTER TABLE agreement_events ENABLE ALWAYS TRIGGER agreement_events_append_only;
--> statement-breakpoint
ALTER TABLE agreement_events ENABLE ALWAYS TRIGGER agreement_events_no_truncate;
--> statement-breakpoint
ALTER TABLE agreement_events ENABLE ALWAYS TRIGGER agreement_events_none_after_seal;
--> statement-breakpoint
ALTER TABLE agreements ENABLE ALWAYS TRIGGER agreements_guard;
--> statement-breakpoint
ALTER TABLE agreements ENABLE ALWAYS TRIGGER agreements_no_truncate;
--> statement-breakpoint
ALTER TABLE agreements ENABLE ALWAYS TRIGGER agreements_insert_unsealed;
--> statement-breakpoint
ALTER TABLE agreement_events_before_attestation ENABLE ALWAYS TRIGGER agreement_events_before_attestation_closed;
--> statement-breakpoint
ALTER TABLE agreement_events_before_attestation ENABLE ALWAYS TRIGGER agreement_events_before_attestation_append_only;
--> statement-breakpoint
ALTER TABLE agreement_events_before_attestation ENABLE ALWAYS TRIGGER agreement_events_before_attestation_no_truncate;
--> statement-breakpoint
ALTER TABLE access_log_repeats ENABLE ALWAYS TRIGGER access_log_repeats_count_up;
--> statement-breakpoint
ALTER TABLE access_log_repeats ENABLE ALWAYS TRIGGER access_log_repeats_no_truncate;
