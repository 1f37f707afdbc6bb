-- Ingest #16: handoff_add_job() calls graphile-worker's add_job as a static statement instead of through EXECUTE, which
-- planned the call anew every time with the payload as a constant (each outbox flush's batch of events parsed again
-- while planning; ~1 ms more database CPU a flush). PL/pgSQL plans a statement when it first runs, so the call to
-- graphile_worker.add_job is never planned where its schema is not installed (PGlite runs the handoff_jobs branch).
CREATE OR REPLACE FUNCTION handoff_add_job(p_name text, p_payload jsonb, p_run_at timestamptz, p_max_attempts integer, p_job_key text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL THEN
    PERFORM graphile_worker.add_job(p_name, p_payload::json, run_at => p_run_at, max_attempts => p_max_attempts,
      job_key => p_job_key);
  ELSIF p_job_key IS NULL THEN
    INSERT INTO handoff_jobs (name, payload, run_at, max_attempts)
      VALUES (p_name, coalesce(p_payload, '{}'::jsonb), coalesce(p_run_at, now()), coalesce(p_max_attempts, 25));
    PERFORM pg_notify('handoff_jobs', '');
  ELSE
    INSERT INTO handoff_jobs (name, payload, run_at, max_attempts, job_key)
      VALUES (p_name, coalesce(p_payload, '{}'::jsonb), coalesce(p_run_at, now()), coalesce(p_max_attempts, 25), p_job_key)
      ON CONFLICT (job_key) DO UPDATE SET name = excluded.name, payload = excluded.payload, run_at = excluded.run_at,
        max_attempts = excluded.max_attempts, attempts = 0, last_error = NULL
      WHERE handoff_jobs.locked_at IS NULL;
    PERFORM pg_notify('handoff_jobs', '');
  END IF;
END $$;
