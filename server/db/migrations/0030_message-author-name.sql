ALTER TABLE "messages" ADD COLUMN "author_name" text;--> statement-breakpoint
-- Replies and notes sent with an API token so far: their token's name was only on their timeline event.
UPDATE "messages" AS m SET "author_name" = e."details"->>'apiToken'
FROM "ticket_events" AS e
WHERE e."ticket_id" = m."ticket_id" AND e."type" IN ('replied', 'note_added')
  AND e."details"->>'messageId' = m."id"::text AND e."details" ? 'apiToken' AND m."author_type" = 'agent';
