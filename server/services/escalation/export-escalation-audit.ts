import type { WorkspaceActor } from "../../access/actor.js";
import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { agents, tickets } from "../../db/schema.js";
import { ticketFacts as f } from "../../db/schema-metrics.js";
import type { MetricsFilter } from "../../../shared/metrics.js";
import { csvRow } from "../../lib/csv.js";
import type { Stage } from "../metrics/fold-ticket-facts.js";
import { factsWhere, firstAgentCondition } from "../metrics/metrics-filters.js";
import { refreshTicketFacts } from "../metrics/refresh-ticket-facts.js";

/** Rows per query; exported so tests can exercise several batches. */
export const BATCH = Number(process.env.HANDOFF_AUDIT_BATCH ?? 2000);
export const AUDIT_COLUMNS = [
  "ticket_reference",
  "created_at",
  "category",
  "customer_plan",
  "initial_agent",
  "escalation_path",
  "stage_durations_s",
  "agents_touched",
  "escalations",
  "bounced_handoffs",
  "reopens",
  "resolved_at",
  "resolution_time_s",
  "resolved_by",
];

/**
 * One CSV row per ticket of the period, oldest first. A pull stream: each read fetches the next keyset page, so memory
 * holds one batch whatever the row count, and a slow client slows the queries instead of filling a buffer.
 */
export async function exportEscalationAudit(
  db: Db,
  input: { actor: WorkspaceActor; query: MetricsFilter; now?: number },
): Promise<ReadableStream<Uint8Array>> {
  await refreshTicketFacts(db, { workspaceId: input.actor.workspaceId });
  const { where } = factsWhere(input.actor.workspaceId, input.query, input.now);
  const filtered = and(where, firstAgentCondition(input.query.agent))!;
  const names = new Map(
    (
      await db
        .select({ id: agents.id, name: agents.name })
        .from(agents)
        .where(eq(agents.workspaceId, input.actor.workspaceId))
    ).map((a) => [a.id, a.name]),
  );
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : "");
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: string } | null = null;
  let headerSent = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_COLUMNS)));
        return;
      }
      const cursor = after;
      const rows = await db
        .select({ reference: tickets.reference, facts: f })
        .from(f)
        .innerJoin(tickets, eq(tickets.id, f.ticketId))
        .where(
          cursor
            ? and(
                filtered,
                or(
                  gt(f.createdAt, cursor.createdAt),
                  and(eq(f.createdAt, cursor.createdAt), gt(f.ticketId, cursor.id)),
                ),
              )
            : filtered,
        )
        .orderBy(asc(f.createdAt), asc(f.ticketId))
        .limit(BATCH);
      if (rows.length === 0) return controller.close();
      let chunk = "";
      for (const { reference, facts } of rows) {
        const path = facts.path as Stage[];
        chunk += csvRow([
          reference,
          facts.createdAt.toISOString(),
          facts.category,
          facts.plan,
          nameOf(facts.firstAgentId),
          path
            .map(
              (s) =>
                `T${s.tier} ${s.agentId ? nameOf(s.agentId) : "(unassigned)"}${s.via === "bounced" ? " (bounced back)" : ""}`,
            )
            .join(" > "),
          path.map((s) => (s.ms === null ? "open" : Math.round(s.ms / 1000))).join(" > "),
          facts.agentsTouched,
          facts.escalations,
          facts.bounces,
          facts.reopens,
          facts.resolvedAt?.toISOString() ?? "",
          facts.msToResolution === null ? "" : Math.round(facts.msToResolution / 1000),
          nameOf(facts.resolverId),
        ]);
      }
      const last = rows[rows.length - 1]!.facts;
      after = { createdAt: last.createdAt, id: last.ticketId };
      controller.enqueue(encoder.encode(chunk));
    },
  });
}
