import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, ticketEvents, type tickets } from "../../db/schema.js";
import type { TicketSeen } from "../../../shared/ticket-seen.js";
import { ServiceError } from "../service-error.js";

type TicketRow = typeof tickets.$inferSelect;

/**
 * Refuses (409, nothing saved) an action started on a ticket that has changed since the agent looked: two agents
 * claiming or escalating at once, or a page left open while someone else closed the ticket. The message says what
 * changed and who did it, so the agent can decide again on the fresh ticket.
 */
export async function assertUnchanged(tx: Db, ticket: TicketRow, seen: TicketSeen | undefined): Promise<void> {
  if (!seen) return;
  const changed = (Object.keys(seen) as (keyof TicketSeen)[]).filter((key) => seen[key] !== ticket[key]);
  if (changed.length === 0) return;
  const ids = [...new Set([seen.assigneeId, ticket.assigneeId].filter((id): id is string => !!id))];
  const names = new Map(
    ids.length
      ? (await tx.select({ id: agents.id, name: agents.name }).from(agents).where(inArray(agents.id, ids))).map(
          (a) => [a.id, a.name] as const,
        )
      : [],
  );
  const show = (key: keyof TicketSeen, value: unknown) =>
    key === "assigneeId"
      ? value
        ? (names.get(String(value)) ?? "another agent")
        : "nobody"
      : key === "tier"
        ? `tier ${value}`
        : (value ?? "none");
  const what = changed.map((key) => `${LABELS[key]} ${show(key, seen[key])} → ${show(key, ticket[key])}`);
  const by = await lastAgent(tx, ticket.id);
  throw new ServiceError(
    "conflict",
    `${by ?? "Someone"} changed this ticket since you opened it (${what.join(", ")}). Nothing was saved: check the ticket as it is now and try again.`,
  );
}

const LABELS: Record<keyof TicketSeen, string> = {
  tier: "tier",
  queue: "queue",
  status: "status",
  assigneeId: "assignee",
};

/** The agent behind the ticket's latest agent event. */
async function lastAgent(tx: Db, ticketId: string): Promise<string | null> {
  const [row] = await tx
    .select({ name: agents.name })
    .from(ticketEvents)
    .innerJoin(agents, eq(agents.id, ticketEvents.actorId))
    .where(and(eq(ticketEvents.ticketId, ticketId), isNotNull(ticketEvents.actorId)))
    .orderBy(desc(ticketEvents.id))
    .limit(1);
  return row?.name ?? null;
}
