import type { CaptureContext } from "../../../shared/context.js";

/** What the fold needs of a ticket and of each of its events (events in timeline order). */
export interface FoldTicket {
  id: string;
  workspaceId: string;
  createdAt: Date;
  queue: string | null;
  plan: string | null;
  context: Pick<CaptureContext, "network" | "console"> | null;
}
export interface FoldEvent {
  type: string;
  actorType: string;
  actorId: string | null;
  at: Date;
  details: Record<string, unknown>;
}
export interface Stage {
  tier: number;
  agentId: string | null;
  enteredAt: string;
  /** Time spent in this stage; null for the stage an open ticket is in. */
  ms: number | null;
  via: "created" | "assigned" | "escalated" | "bounced" | "de_escalated";
}
export type TicketFacts = ReturnType<typeof foldTicketFacts>;

const ENDED = new Set(["resolved", "closed"]);
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Definitions: see shared/metrics.ts. Pure, so the seed and the incremental refresh compute identical facts. */
export function foldTicketFacts(ticket: FoldTicket, events: FoldEvent[]) {
  let category: string | null = null;
  let firstAgentId: string | null = null;
  let firstActingAgent: string | null = null;
  let resolvedAt: Date | null = null;
  let resolverId: string | null = null;
  let firstEscalatedAt: Date | null = null;
  let escalations = 0;
  let bounces = 0;
  let reopens = 0;
  let pingPong = false;
  const escalatedBy: string[] = [];
  const stages: (Omit<Stage, "ms"> & { at: number })[] = [];
  const touched = new Set<string>();
  const current = () => stages[stages.length - 1];
  const enter = (tier: number, agentId: string | null, at: Date, via: Stage["via"]) => {
    stages.push({ tier, agentId, enteredAt: at.toISOString(), at: at.getTime(), via });
    if (agentId) touched.add(agentId);
  };
  enter(1, null, ticket.createdAt, "created");

  for (const e of events) {
    const d = e.details;
    if (e.actorType === "agent" && e.actorId) firstActingAgent ??= e.actorId;
    switch (e.type) {
      case "triaged": {
        category ??= str(d.queue);
        const tier = num(d.tier);
        if (tier && stages.length === 1) current()!.tier = tier;
        break;
      }
      case "assigned": {
        const agentId = str(d.agentId);
        if (!agentId) break;
        firstAgentId ??= agentId;
        const stage = current()!;
        if (!stage.agentId) {
          stage.agentId = agentId;
          touched.add(agentId);
        } else if (stage.agentId !== agentId) enter(stage.tier, agentId, e.at, "assigned");
        break;
      }
      case "escalated": {
        escalations++;
        firstEscalatedAt ??= e.at;
        category ??= str(d.fromQueue);
        const from = str(d.fromAgentId) ?? (e.actorType === "agent" ? e.actorId : null);
        // Once per ticket: the per-agent number and its drill-down both count tickets (a re-escalation after a
        // send-back is the same ticket; escalations and bounces count the events).
        if (from && !escalatedBy.includes(from)) escalatedBy.push(from);
        // An escalation after a resolution reopens the ticket: that resolution no longer holds.
        if (resolvedAt) {
          reopens++;
          resolvedAt = null;
          resolverId = null;
        }
        enter(num(d.toTier) ?? current()!.tier + 1, str(d.toAgentId), e.at, "escalated");
        break;
      }
      case "bounced":
        bounces++;
        enter(num(d.toTier) ?? Math.max(1, current()!.tier - 1), str(d.toAgentId), e.at, "bounced");
        break;
      case "de_escalated":
        enter(num(d.toTier) ?? Math.max(1, current()!.tier - 1), null, e.at, "de_escalated");
        break;
      case "ping_pong":
        pingPong = true;
        break;
      case "status_changed": {
        const to = str(d.to);
        if (to && ENDED.has(to)) {
          // resolved -> closed keeps the original resolver and time.
          if (!resolvedAt) {
            resolvedAt = e.at;
            resolverId = e.actorType === "agent" ? e.actorId : null;
            if (resolverId) touched.add(resolverId);
          }
        } else if (to && resolvedAt) {
          // Only a reopen of a resolution that still holds: an escalation may already have reopened it.
          reopens++;
          resolvedAt = null;
          resolverId = null;
        }
        break;
      }
    }
  }

  firstAgentId ??= firstActingAgent;
  const end = resolvedAt?.getTime() ?? null;
  const path: Stage[] = stages.map((s, i) => {
    const next = stages[i + 1]?.at ?? end;
    return {
      tier: s.tier,
      agentId: s.agentId,
      enteredAt: s.enteredAt,
      ms: next === null ? null : next - s.at,
      via: s.via,
    };
  });
  const created = ticket.createdAt.getTime();
  return {
    ticketId: ticket.id,
    workspaceId: ticket.workspaceId,
    createdAt: ticket.createdAt,
    category: category ?? ticket.queue,
    plan: ticket.plan,
    firstAgentId,
    resolverId,
    resolvedAt,
    firstEscalatedAt,
    msToFirstEscalation: firstEscalatedAt ? firstEscalatedAt.getTime() - created : null,
    msResolutionAfterEscalation: firstEscalatedAt && end !== null ? end - firstEscalatedAt.getTime() : null,
    msToResolution: end !== null ? end - created : null,
    escalations,
    bounces,
    reopens,
    pingPong,
    firstContactResolved:
      end !== null && escalations === 0 && reopens === 0 && resolverId !== null && resolverId === firstAgentId,
    agentsTouched: touched.size,
    escalatedBy,
    path,
    failingEndpoint: failingEndpointOf(ticket.context),
    errorFingerprint: errorFingerprintOf(ticket.context),
    sample: sampleOf(ticket.id),
  };
}

/** The sample slot (0..63) of a ticket id: its first byte, uniformly random for v4 UUIDs. */
export const sampleOf = (ticketId: string) => parseInt(ticketId.slice(0, 2), 16) % 64;

const ID_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{16,}|[A-Za-z0-9_-]{20,})$/i;

/** "POST /api/projects/:id/export 500": path only, id-like segments replaced, so one bug is one group. */
export function failingEndpointOf(context: FoldTicket["context"]): string | null {
  const failure = context?.network?.find((n) => n.status === 0 || n.status >= 500) ?? context?.network?.[0];
  if (!failure) return null;
  let path: string;
  try {
    path = new URL(failure.url, "http://x").pathname;
  } catch {
    path = failure.url.split("?")[0] ?? failure.url;
  }
  const normalised = path
    .split("/")
    .map((s) => (ID_SEGMENT.test(s) ? ":id" : s))
    .join("/");
  return `${failure.method.toUpperCase()} ${normalised} ${failure.status === 0 ? "network error" : failure.status}`;
}

export function errorFingerprintOf(context: FoldTicket["context"]): string | null {
  const entry = context?.console?.find((c) => c.level === "error");
  if (!entry) return null;
  return entry.message
    .split("\n")[0]!
    .replace(/https?:\/\/\S+/g, "<url>")
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, "<id>")
    .replace(/\d+/g, "N")
    .slice(0, 200);
}
