import type { WorkspaceActor } from "../../access/actor.js";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { messages, tickets } from "../../db/schema.js";
import type { SimilarTicket } from "../../../shared/escalation-api.js";
import { ticketTokens } from "./classifier/naive-bayes.js";
import { endpointFingerprints, errorFingerprints } from "./fingerprints.js";
import { findTicket } from "../tickets/workspace-ticket.js";

const CANDIDATES = 500;
const SHOWN = 3;
/** Below this a "similar" ticket is noise: better to show nothing. */
const MIN_SCORE = 0.2;

/**
 * Up to three resolved tickets like this one: wording similarity (cosine over word counts) plus a strong bonus
 * for the same failing endpoint or the same error fingerprint: a shared cause outranks shared words (cosine <= 1).
 * Each comes with how it was resolved.
 */
export async function findSimilarTickets(
  db: Db,
  input: { actor: WorkspaceActor; ticketId: string },
): Promise<SimilarTicket[]> {
  const ticket = await findTicket(db, input.actor.workspaceId, input.ticketId);
  const candidates = await db
    .select({
      id: tickets.id,
      reference: tickets.reference,
      subject: tickets.subject,
      description: tickets.description,
      context: tickets.context,
      queue: tickets.queue,
      resolvedAt: tickets.resolvedAt,
    })
    .from(tickets)
    .where(
      and(
        eq(tickets.workspaceId, input.actor.workspaceId),
        inArray(tickets.status, ["resolved", "closed"]),
        ne(tickets.id, ticket.id),
      ),
    )
    .orderBy(desc(tickets.updatedAt))
    .limit(CANDIDATES);

  const mine = vectorOf(ticket);
  const endpoints = new Set(endpointFingerprints(ticket.context));
  const errors = new Set(errorFingerprints(ticket.context));
  const scored = candidates
    .map((candidate) => {
      const matched: string[] = [];
      let score = cosine(mine, vectorOf(candidate));
      if (score >= 0.25) matched.push("similar wording");
      const endpoint = endpointFingerprints(candidate.context).find((e) => endpoints.has(e));
      if (endpoint) {
        score += 1;
        matched.push(`same failing endpoint ${endpoint}`);
      }
      const error = errorFingerprints(candidate.context).find((e) => errors.has(e));
      if (error) {
        score += 0.8;
        matched.push(`same error: ${error}`);
      }
      return { candidate, score, matched };
    })
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, SHOWN);

  const resolutions = await lastAgentMessages(
    db,
    scored.map((s) => s.candidate.id),
  );
  return scored.map(({ candidate, score, matched }) => ({
    id: candidate.id,
    reference: candidate.reference,
    subject: candidate.subject,
    queue: candidate.queue,
    resolvedAt: candidate.resolvedAt?.toISOString() ?? null,
    score: Math.round(score * 100) / 100,
    matched: matched.length ? matched : ["similar wording"],
    resolution: resolutions.get(candidate.id) ?? null,
  }));
}

/** The last thing an agent wrote on each ticket: in practice, the answer or note that resolved it. */
async function lastAgentMessages(db: Db, ticketIds: string[]): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([messages.ticketId], { ticketId: messages.ticketId, body: messages.body })
    .from(messages)
    .where(and(inArray(messages.ticketId, ticketIds), eq(messages.authorType, "agent")))
    .orderBy(messages.ticketId, desc(messages.createdAt), sql`${messages.id} desc`);
  return new Map(rows.map((r) => [r.ticketId, r.body.length > 400 ? `${r.body.slice(0, 399)}…` : r.body]));
}

function vectorOf(ticket: { subject: string; description: string }): Map<string, number> {
  const vector = new Map<string, number>();
  for (const token of ticketTokens(ticket)) vector.set(token, (vector.get(token) ?? 0) + 1);
  return vector;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [token, count] of a) dot += count * (b.get(token) ?? 0);
  if (dot === 0) return 0;
  const norm = (v: Map<string, number>) => Math.sqrt([...v.values()].reduce((s, c) => s + c * c, 0));
  return dot / (norm(a) * norm(b));
}
