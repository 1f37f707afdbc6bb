-- ops-16: ticket numbers come from one sequence per workspace (created on first use), so filing a ticket no longer waits for another ticket's commit on the workspaces.ticket_seq row lock. Numbers may skip after a rolled-back insert.
CREATE OR REPLACE FUNCTION handoff_next_ticket_number(ws uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  seq text := 'ticket_number_' || replace(ws::text, '-', '');
  used integer;
BEGIN
  IF to_regclass(seq) IS NULL THEN
    -- First ticket since this function exists: start after every number the workspace already used.
    PERFORM pg_advisory_xact_lock(hashtext(seq));
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS integer', seq);
    SELECT greatest(coalesce(max(t.number), 0), coalesce((SELECT w.ticket_seq FROM workspaces w WHERE w.id = ws), 0))
      INTO used FROM tickets t WHERE t.workspace_id = ws;
    IF used > 0 THEN PERFORM setval(seq::regclass, used); END IF;
  END IF;
  RETURN nextval(seq::regclass);
END $$;
--> statement-breakpoint
-- The triage sweeper looks only at tickets not triaged yet.
CREATE INDEX IF NOT EXISTS tickets_untriaged_idx ON tickets (created_at) WHERE triage IS NULL;
