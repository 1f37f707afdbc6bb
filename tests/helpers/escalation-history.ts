import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.js";
import { agents, tickets } from "../../server/db/schema.js";
import { recordEvent } from "../../server/services/tickets/record-event.js";
import type { CaptureContext } from "../../shared/context.js";

const HOUR = 3_600_000;
export const hours = (n: number) => n * HOUR;

/** Agents inserted directly: metrics tests only need their ids and names. */
export async function addAgent(db: Db, workspaceId: string, name: string, tier = 1): Promise<string> {
  const [row] = await db
    .insert(agents)
    .values({
      workspaceId,
      name,
      email: `${name.toLowerCase()}.${workspaceId.slice(0, 8)}@support.example`,
      passwordHash: "x",
      tier,
    })
    .returning({ id: agents.id });
  return row!.id;
}

export interface HistoryTicket {
  workspaceId: string;
  createdAt: Date;
  queue?: string | null;
  plan?: string;
  email?: string;
  subject?: string;
  status?: "open" | "pending" | "escalated" | "resolved" | "closed";
  context?: Partial<CaptureContext>;
}

let counter = 100_000; // above the numbers the widget API hands out in the same workspace

/** A ticket row with an explicit creation time, its `created` event, and (with queue) its `triaged` event. */
export async function addTicket(db: Db, t: HistoryTicket): Promise<{ id: string; reference: string }> {
  const number = ++counter;
  const [row] = await db
    .insert(tickets)
    .values({
      workspaceId: t.workspaceId,
      number,
      reference: `HD-${number}`,
      subject: t.subject ?? `Ticket ${number}`,
      description: "…",
      customerEmail: t.email ?? `customer${number}@example.com`,
      identity: t.plan ? { plan: t.plan } : null,
      pageUrl: "https://app.customer.example/",
      context: { clicks: [], navigation: [], console: [], network: [], metadata: {}, ...t.context } as CaptureContext,
      status: t.status ?? "open",
      queue: t.queue ?? null,
      createdAt: t.createdAt,
      updatedAt: t.createdAt,
    })
    .returning({ id: tickets.id, reference: tickets.reference });
  await recordEvent(db, {
    workspaceId: t.workspaceId,
    ticketId: row!.id,
    type: "created",
    actorType: "customer",
    at: t.createdAt,
    details: { verified: false, recording: false },
  });
  if (t.queue) {
    await recordEvent(db, {
      workspaceId: t.workspaceId,
      ticketId: row!.id,
      type: "triaged",
      actorType: "system",
      at: t.createdAt,
      details: { queue: t.queue, tier: 1 },
    });
  }
  return row!;
}

/** Writes a ticket's timeline the way the escalation workflow does, each step at created + offset. */
export function timeline(db: Db, workspaceId: string, ticketId: string, createdAt: Date) {
  const at = (offset: number) => new Date(createdAt.getTime() + offset);
  const event = (
    type: Parameters<typeof recordEvent>[1]["type"],
    offset: number,
    actorId: string | null,
    details: Record<string, unknown>,
  ) =>
    recordEvent(db, {
      workspaceId,
      ticketId,
      type,
      actorType: actorId ? "agent" : "customer",
      actorId,
      at: at(offset),
      details,
    });
  return {
    assign: (offset: number, agentId: string) => event("assigned", offset, null, { agentId, reason: "routing" }),
    escalate: (offset: number, from: string, to: string, fromTier = 1, toTier = 2) =>
      event("escalated", offset, from, {
        escalationId: crypto.randomUUID(),
        fromTier,
        toTier,
        fromQueue: null,
        toQueue: null,
        fromAgentId: from,
        toAgentId: to,
      }),
    bounce: (offset: number, by: string, backTo: string) =>
      event("bounced", offset, by, {
        escalationId: crypto.randomUUID(),
        reason: "missing reproduction steps",
        toTier: 1,
        toAgentId: backTo,
      }),
    pingPong: (offset: number) =>
      event("ping_pong", offset, null, { reason: "escalated back and forth", agents: [], escalations: 2 }),
    resolve: (offset: number, by: string) => event("status_changed", offset, by, { from: "open", to: "resolved" }),
    reopen: (offset: number) => event("status_changed", offset, null, { from: "resolved", to: "open" }),
  };
}

/** Sets the ticket's current status (the timeline alone does not update the row). */
export async function setStatus(db: Db, ticketId: string, status: "resolved" | "open") {
  await db.update(tickets).set({ status }).where(sql`${tickets.id} = ${ticketId}`);
}
