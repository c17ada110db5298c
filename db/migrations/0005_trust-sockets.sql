CREATE TABLE "access_log_repeats" (
	"access_log_id" bigint PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_log_repeats" ADD CONSTRAINT "access_log_repeats_access_log_id_access_log_id_fk" FOREIGN KEY ("access_log_id") REFERENCES "public"."access_log"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- A merged access-log row may only count up (issue 12.8): never a lower count, an earlier last
-- showing, another row, or a deleted counter. Like the access log itself, in the database.
CREATE OR REPLACE FUNCTION stepwise_guard_access_log_repeats() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'DELETE on access_log_repeats is not allowed: the counts are evidence'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.access_log_id IS DISTINCT FROM OLD.access_log_id OR NEW.count < OLD.count OR NEW.last_at < OLD.last_at THEN
    RAISE EXCEPTION 'an access-log count may only grow'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER access_log_repeats_count_up BEFORE UPDATE OR DELETE ON access_log_repeats
  FOR EACH ROW EXECUTE FUNCTION stepwise_guard_access_log_repeats();
--> statement-breakpoint
CREATE TRIGGER access_log_repeats_no_truncate BEFORE TRUNCATE ON access_log_repeats
  FOR EACH STATEMENT EXECUTE FUNCTION stepwise_refuse_change();
