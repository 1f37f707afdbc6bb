import { and, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { tickets } from "../../../db/schema.js";
import type { CaptureContext } from "../../../../shared/context.js";
import { TRIAGE_QUEUE } from "../../../../shared/matrix.js";
import { endpointFingerprints, errorFingerprints } from "../fingerprints.js";
import { ticketTokens, trainNaiveBayes, type NaiveBayesModel } from "./naive-bayes.js";

/** The most recent resolved tickets teach the model; older habits fade out. */
const TRAINING_LIMIT = 2000;

interface CachedModel {
  key: string;
  model: NaiveBayesModel;
}
const models = new Map<string, CachedModel>();

export interface QueueSuggestion {
  queue: string | null;
  confidence: number;
  examples: number;
}

export function tokensOf(ticket: { subject: string; description: string; context: CaptureContext }): string[] {
  return ticketTokens({
    subject: ticket.subject,
    description: ticket.description,
    failedPaths: endpointFingerprints(ticket.context),
    errors: errorFingerprints(ticket.context),
  });
}

/**
 * Suggests a queue from resolved tickets' final queues. The model is retrained whenever the set of resolved
 * tickets changed (a cheap count + latest resolution check), so each resolution teaches the next triage.
 */
export async function suggestQueue(
  db: Db,
  input: { workspaceId: string; ticket: { subject: string; description: string; context: CaptureContext } },
): Promise<QueueSuggestion> {
  const model = await currentModel(db, input.workspaceId);
  const prediction = model.labels.length >= 2 ? model.predict(tokensOf(input.ticket)) : null;
  return { queue: prediction?.label ?? null, confidence: prediction?.confidence ?? 0, examples: model.examples };
}

const resolvedWithQueue = (workspaceId: string) =>
  and(
    eq(tickets.workspaceId, workspaceId),
    inArray(tickets.status, ["resolved", "closed"]),
    isNotNull(tickets.queue),
    ne(tickets.queue, TRIAGE_QUEUE),
  );

async function currentModel(db: Db, workspaceId: string): Promise<NaiveBayesModel> {
  const [state] = await db
    .select({ count: sql<number>`count(*)::int`, latest: sql<string | null>`max(${tickets.updatedAt})::text` })
    .from(tickets)
    .where(resolvedWithQueue(workspaceId));
  const key = `${state?.count ?? 0}|${state?.latest ?? ""}`;
  const cached = models.get(workspaceId);
  if (cached && cached.key === key) return cached.model;
  const rows = await db
    .select({
      subject: tickets.subject,
      description: tickets.description,
      context: tickets.context,
      queue: tickets.queue,
    })
    .from(tickets)
    .where(resolvedWithQueue(workspaceId))
    .orderBy(desc(tickets.updatedAt))
    .limit(TRAINING_LIMIT);
  const model = trainNaiveBayes(rows.map((row) => ({ tokens: tokensOf(row), label: row.queue! })));
  models.set(workspaceId, { key, model });
  return model;
}
