-- live-events-trigger: every ticket_events insert is copied into live_events in the same transaction (unsequenced), and NOTIFY handoff_live_pending wakes the sequencer (empty payload: the feed is the source of truth). Events dated over an hour back (seeds, imports of history) are not live and are skipped.
CREATE INDEX "live_events_pending_idx" ON "live_events" ("id") WHERE "position" IS NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION handoff_live_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO live_events (ticket_event_id, workspace_id, ticket_id, type)
    SELECT id, workspace_id, ticket_id, type FROM handoff_new_ticket_events
    WHERE at > now() - interval '1 hour' ORDER BY id;
  IF FOUND THEN
    PERFORM pg_notify('handoff_live_pending', '');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ticket_events_live AFTER INSERT ON ticket_events REFERENCING NEW TABLE AS handoff_new_ticket_events
  FOR EACH STATEMENT EXECUTE FUNCTION handoff_live_events();
