-- Two tickets filed at once as a workspace's first could share a number: the one that waited on the
-- advisory lock reset the sequence (setval) after the first had already drawn from it. The sequence's
-- start is now set only by the transaction that created it, decided with a fresh MVCC look at pg_class
-- (to_regclass may answer from a cache that predates the other transaction's commit).
CREATE OR REPLACE FUNCTION handoff_next_ticket_number(ws uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  seq text := 'ticket_number_' || replace(ws::text, '-', '');
  used integer;
BEGIN
  IF to_regclass(seq) IS NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext(seq));
    IF NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = seq AND c.relnamespace = current_schema()::regnamespace) THEN
      EXECUTE format('CREATE SEQUENCE %I AS integer', seq);
      -- First ticket since this function exists: start after every number the workspace already used.
      SELECT greatest(coalesce(max(t.number), 0), coalesce((SELECT w.ticket_seq FROM workspaces w WHERE w.id = ws), 0))
        INTO used FROM tickets t WHERE t.workspace_id = ws;
      IF used > 0 THEN PERFORM setval(seq::regclass, used); END IF;
    ELSE
      -- Created by the transaction we waited for; this statement makes this session's catalog cache see it.
      EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS integer', seq);
    END IF;
  END IF;
  RETURN nextval(seq::regclass);
END $$;
