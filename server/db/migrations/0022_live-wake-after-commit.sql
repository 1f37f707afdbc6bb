-- Ingest #16: a NOTIFY in a transaction makes its commit wait for every other NOTIFYing commit (PostgreSQL holds one
-- database-wide lock from the queueing of the notification through the commit, WAL flush included), so a ticket
-- whose statement woke the live feed itself committed one at a time (8 clients: ~400/s against ~2,700/s without).
-- A statement that sets handoff.live_wake to 'after_commit' (insert-ticket.ts, whose events also wait in the
-- outbox) leaves the wake-up to the outbox flush, which runs after its commit, batched; every other insert wakes
-- the feed as before.
CREATE OR REPLACE FUNCTION handoff_live_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO live_events (ticket_event_id, workspace_id, ticket_id, type)
    SELECT id, workspace_id, ticket_id, type FROM handoff_new_ticket_events
    WHERE at > now() - interval '1 hour' ORDER BY id;
  IF FOUND AND coalesce(current_setting('handoff.live_wake', true), '') <> 'after_commit' THEN
    PERFORM pg_notify('handoff_live_pending', '');
  END IF;
  RETURN NULL;
END $$;
