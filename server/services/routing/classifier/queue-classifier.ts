import { and, desc, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { tickets } from "../../../db/schema.js";
import type { CaptureContext } from "../../../../shared/context.js";
import type { Triage } from "../../../../shared/matrix.js";
import { TRIAGE_QUEUE } from "../../../../shared/matrix.js";
import type { TicketText } from "./features.js";
import { type Classification, classify, priorModel, type RoutingModel, SECURITY_QUEUE } from "./routing-model.js";
import { type LabelledTicket, refineModel } from "./train-routing-model.js";

/** The most recent resolved tickets teach the model; older habits fade out. */
const TRAINING_LIMIT = 10_000;
/** A busy workspace resolves tickets all day: retrain at most this often in the background. */
const RETRAIN_INTERVAL_MS = 30_000;
/**
 * How long a process trusts its last look at the workspace's resolutions (a count over its tickets) before looking
 * again: the ingest path triages every ticket, and retraining waits up to RETRAIN_INTERVAL_MS anyway.
 */
const STATE_TTL_MS = 5_000;

interface WorkspaceModel {
  /** Count + latest resolution of the resolved tickets the model learned from. */
  key: string;
  model: RoutingModel;
  /** A retraining under way (at most one per workspace), with the key it will learn. */
  training: { key: string; done: Promise<void> } | null;
  lastTrainedAt: number;
  /** When this process last counted the resolutions (the key above may be older: a retraining is throttled). */
  checkedAt: number;
  /** The count under way: requests that find the state stale meanwhile wait for it instead of counting again. */
  checking: Promise<void> | null;
}
const models = new Map<string, WorkspaceModel>();

export interface TicketInput {
  subject: string;
  description: string;
  pageUrl?: string;
  context: CaptureContext;
}

export function ticketText(ticket: TicketInput): TicketText {
  return {
    subject: ticket.subject,
    description: ticket.description,
    pageUrl: ticket.pageUrl,
    failedRequests: ticket.context.network,
    consoleErrors: ticket.context.console.filter((e) => e.level === "error").map((e) => e.message),
  };
}

/**
 * Classifies with the workspace's current model: the shipped prior plus small models of its resolved tickets.
 * When resolutions changed since the model was trained, a retraining starts in the background and this
 * triage uses the model at hand, so a request never waits for training.
 */
export async function classifyTicket(
  db: Db,
  input: { workspaceId: string; ticket: TicketInput },
): Promise<{ classification: Classification; examples: number }> {
  const model = await currentModel(db, input.workspaceId);
  return { classification: classify(model, ticketText(input.ticket)), examples: model.examples };
}

/**
 * Starts a retraining if resolutions changed and waits for it: what a triage would use once the background
 * training it triggers has finished (tests, benchmarks, the admin "retrain now").
 */
export async function refreshRoutingModel(db: Db, workspaceId: string): Promise<{ examples: number }> {
  // Twice: a retraining already under way may have started before the latest resolutions.
  for (let round = 0; round < 2; round++) {
    await models.get(workspaceId)?.training?.done;
    await currentModel(db, workspaceId, true);
    await models.get(workspaceId)?.training?.done;
  }
  return { examples: models.get(workspaceId)?.model.examples ?? 0 };
}

/** Whether a retraining of the workspace's model is under way right now. */
export const isRetraining = (workspaceId: string) => !!models.get(workspaceId)?.training;

/** What teaches a workspace's model: resolved tickets with their final queue, and false alarms as soon as marked. */
const FALSE_ALARM = sql`coalesce((${tickets.triage} -> 'security' ->> 'falseAlarm')::boolean, false)`;
const resolvedWithQueue = (workspaceId: string) =>
  and(
    eq(tickets.workspaceId, workspaceId),
    or(
      and(inArray(tickets.status, ["resolved", "closed"]), isNotNull(tickets.queue), ne(tickets.queue, TRIAGE_QUEUE)),
      sql`${FALSE_ALARM}`,
    ),
  );

async function currentModel(db: Db, workspaceId: string, now = false): Promise<RoutingModel> {
  let entry = models.get(workspaceId);
  if (entry && !now && Date.now() - entry.checkedAt < STATE_TTL_MS) return entry.model;
  if (!entry) {
    entry = { key: "0|", model: priorModel(), training: null, lastTrainedAt: 0, checkedAt: 0, checking: null };
    models.set(workspaceId, entry);
  }
  // One count at a time per workspace: a burst of tickets that found the state stale together ran one full count
  // over the workspace's tickets each (8 concurrent ones on 11k tickets cost the database ~3 s in bench/ingest.ts).
  if (entry.checking && !now) {
    await entry.checking;
    return entry.model;
  }
  const current = entry;
  const checking = checkState(db, workspaceId, current, now).finally(() => {
    if (current.checking === checking) current.checking = null;
  });
  current.checking = checking;
  await checking;
  return current.model;
}

/** Counts the workspace's resolutions and, when they changed, starts a retraining in the background. */
async function checkState(db: Db, workspaceId: string, entry: WorkspaceModel, now: boolean): Promise<void> {
  const [state] = await db
    .select({ count: sql<number>`count(*)::int`, latest: sql<string | null>`max(${tickets.updatedAt})::text` })
    .from(tickets)
    .where(resolvedWithQueue(workspaceId));
  const key = `${state?.count ?? 0}|${state?.latest ?? ""}`;
  entry.checkedAt = Date.now();
  const due = now || Date.now() - entry.lastTrainedAt >= RETRAIN_INTERVAL_MS;
  if (entry.key !== key && !entry.training && due) {
    const done = retrain(db, workspaceId)
      .then((model) => {
        entry.model = model;
        entry.key = key;
      })
      .catch((error) => console.error(`routing: retraining workspace ${workspaceId} failed`, error))
      .finally(() => {
        entry.training = null;
        entry.lastTrainedAt = Date.now();
      });
    entry.training = { key, done };
  }
}

async function retrain(db: Db, workspaceId: string): Promise<RoutingModel> {
  // Let the request that noticed the change finish first.
  await new Promise((resolve) => setImmediate(resolve));
  const rows = await db
    .select({
      subject: tickets.subject,
      description: tickets.description,
      pageUrl: tickets.pageUrl,
      context: tickets.context,
      queue: tickets.queue,
      status: tickets.status,
      triage: tickets.triage,
    })
    .from(tickets)
    .where(resolvedWithQueue(workspaceId))
    .orderBy(desc(tickets.updatedAt))
    .limit(TRAINING_LIMIT);
  const labelled: LabelledTicket[] = rows.map((row) => {
    const falseAlarm = isFalseAlarm(row.triage as Triage | null);
    const resolved = row.status === "resolved" || row.status === "closed";
    return {
      ...ticketText(row),
      // An unresolved false alarm teaches only the detector (its queue is not confirmed yet).
      queue: resolved && row.queue ? row.queue : SECURITY_QUEUE,
      security: row.queue === SECURITY_QUEUE && !falseAlarm,
      falseAlarm,
    };
  });
  return refineModel(priorModel(), labelled);
}

function isFalseAlarm(triage: Triage | null): boolean {
  return triage?.security?.falseAlarm === true;
}
