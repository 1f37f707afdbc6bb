-- The per-agent "tickets escalated" counts each ticket once per agent (fold-ticket-facts.ts): facts folded before
-- listed an agent once per escalation. Keep the first occurrence of each, and have the next metrics read rebuild
-- the rollups of the workspaces whose counts included repeats.
UPDATE "metrics_watermarks" SET "rollups_built" = false WHERE "workspace_id" IN (
	SELECT DISTINCT "workspace_id" FROM "ticket_facts"
	WHERE cardinality("escalated_by") > (SELECT count(DISTINCT s) FROM unnest("escalated_by") AS s)
);--> statement-breakpoint
UPDATE "ticket_facts" SET "escalated_by" = ARRAY(
	SELECT s FROM unnest("escalated_by") WITH ORDINALITY AS u(s, n) GROUP BY s ORDER BY min(n)
)
WHERE cardinality("escalated_by") > (SELECT count(DISTINCT s) FROM unnest("escalated_by") AS s);
