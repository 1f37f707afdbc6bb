-- Notifications #14: handoff_add_job() enqueues a job inside the caller's transaction: into graphile-worker when its schema is installed (PostgreSQL), else into handoff_jobs (the in-process runner on PGlite; moved to graphile-worker when it starts).
CREATE OR REPLACE FUNCTION handoff_add_job(p_name text, p_payload jsonb, p_run_at timestamptz, p_max_attempts integer, p_job_key text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF to_regprocedure('graphile_worker.add_job(text,json,text,timestamptz,integer,text,integer,text[],text)') IS NOT NULL THEN
    EXECUTE 'SELECT graphile_worker.add_job($1, $2::json, run_at => $3, max_attempts => $4, job_key => $5)'
      USING p_name, p_payload, p_run_at, p_max_attempts, p_job_key;
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
