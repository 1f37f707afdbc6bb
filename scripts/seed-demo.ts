/**
 * npm run seed:demo -- --tickets N [--per-workspace 20000]
 * Realistic workspaces (agents in two tiers, categories, plans), tickets over the last year and their timelines
 * (assignment, escalation, bounced handoffs, ping-pong, resolution, reopen), plus their ticket_facts, folded by the
 * same code the server uses. DATABASE_URL: PostgreSQL, loaded with COPY; else PGlite in HANDOFF_DATA_DIR (.handoff/).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, connectionOptions, type Db } from "../server/db/client.js";
import { agents, metricsWatermarks, ticketEvents, ticketFacts, tickets, workspaces } from "../server/db/schema.js";
import { foldTicketFacts, type FoldEvent, type TicketFacts } from "../server/lib/fold-ticket-facts.js";
import { generateWorkspace, type SeedTicket } from "./seed-history.js";

const { values } = parseArgs({ options: { tickets: { type: "string", default: "1000" }, "per-workspace": { type: "string", default: "20000" } } });
const total = Number(values.tickets);
const perWorkspace = Number(values["per-workspace"]);
if (!Number.isInteger(total) || total < 1) throw new Error("--tickets must be a positive integer");

const databaseUrl = process.env.DATABASE_URL;
const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : (process.env.HANDOFF_DATA_DIR ?? ".handoff/pglite") });
const started = Date.now();
const copy = databaseUrl ? await copier(databaseUrl) : null;
let done = 0;
for (let w = 0; done < total; w++) {
  const size = Math.min(total - done, Math.round(perWorkspace * (0.5 + ((w * 7919) % 100) / 100)));
  const wsId = randomUUID();
  await database.db.insert(workspaces).values({ id: wsId, name: `Seed workspace ${w + 1}`, siteKey: `pk_seed_${wsId.slice(0, 8)}`, identitySecret: randomUUID(), uploadSecret: randomUUID(), ticketSeq: size });
  const team = Array.from({ length: 6 + (w % 10) }, (_, i) => ({ id: randomUUID(), tier: i % 3 === 2 ? 2 : 1, name: `Agent ${w + 1}.${i + 1}` }));
  await database.db.insert(agents).values(team.map((a) => ({ id: a.id, workspaceId: wsId, name: a.name, email: `${a.id}@seed.example`, passwordHash: "!", tier: a.tier })));
  const generated = generateWorkspace({ workspaceId: wsId, agents: team, tickets: size, seed: w + 1, now: Date.now() });
  for (let i = 0; i < generated.length; i += 5000) {
    const batch = generated.slice(i, i + 5000);
    const facts = batch.map((t) => foldTicketFacts({ ...t.row, plan: t.row.identity?.plan ?? null }, t.events));
    if (copy) await copy(batch, facts);
    else await insertBatch(database.db, batch, facts);
  }
  // Everything seeded is folded: start the incremental refresh after it, and mark the facts the refresh's
  // late-commit margin will look at as up to date (cheap: only the last few hundred events).
  await database.db.insert(metricsWatermarks).values({ workspaceId: wsId, lastEventId: sql`(select coalesce(max(id), 0) from ticket_events)` as never });
  await database.db.execute(sql`update ticket_facts f set last_event_id = e.max_id from (
    select ticket_id, max(id) as max_id from ticket_events where id > (select max(id) - 1000 from ticket_events) group by ticket_id) e
    where f.ticket_id = e.ticket_id`);
  done += size;
  console.log(`workspace ${w + 1}: ${size} tickets (${done}/${total}) ${Math.round((Date.now() - started) / 1000)} s`);
}
if (databaseUrl) await database.db.execute(sql`analyze`);
console.log(`seeded ${total} tickets in ${Math.round((Date.now() - started) / 1000)} s`);
await database.close();
process.exit(0);

async function insertBatch(db: Db, batch: SeedTicket[], facts: TicketFacts[]) {
  for (let i = 0; i < batch.length; i += 500) {
    const part = batch.slice(i, i + 500);
    await db.insert(tickets).values(part.map((t) => t.row));
    await db.insert(ticketEvents).values(part.flatMap((t) => t.events.map((e) => ({ ...e, workspaceId: t.row.workspaceId, ticketId: t.row.id }))));
    await db.insert(ticketFacts).values(facts.slice(i, i + 500));
  }
}

/** COPY FROM STDIN in text format: an order of magnitude faster than INSERTs for millions of rows. */
async function copier(url: string) {
  const { default: postgres } = await import("postgres");
  const client = postgres(connectionOptions(url, 1));
  const esc = (v: unknown): string => {
    if (v === null || v === undefined) return "\\N";
    const s = v instanceof Date ? v.toISOString() : Array.isArray(v) && typeof v[0] !== "object" ? `{${v.join(",")}}` : typeof v === "object" ? JSON.stringify(v) : String(v);
    return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  };
  async function copyRows(table: string, columns: string[], rows: unknown[][]) {
    const stream = await client`copy ${client(table)} (${client(columns)}) from stdin`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      stream.end(rows.map((r) => r.map(esc).join("\t")).join("\n") + "\n");
    });
  }
  return async (batch: SeedTicket[], facts: TicketFacts[]) => {
    await copyRows("tickets", ["id", "workspace_id", "number", "reference", "subject", "description", "customer_email", "identity", "page_url", "context", "status", "queue", "tier", "assignee_id", "escalation_count", "resolved_at", "signals", "created_at", "updated_at"],
      batch.map(({ row: t }) => [t.id, t.workspaceId, t.number, t.reference, t.subject, t.description, t.customerEmail, t.identity, t.pageUrl, t.context, t.status, t.queue, t.tier, t.assigneeId, t.escalationCount, t.resolvedAt, t.signals, t.createdAt, t.createdAt]));
    await copyRows("ticket_events", ["workspace_id", "ticket_id", "type", "actor_type", "actor_id", "at", "details"],
      batch.flatMap((t) => t.events.map((e: FoldEvent) => [t.row.workspaceId, t.row.id, e.type, e.actorType, e.actorId, e.at, e.details])));
    await copyRows("ticket_facts", ["ticket_id", "workspace_id", "created_at", "category", "plan", "first_agent_id", "resolver_id", "resolved_at", "first_escalated_at", "ms_to_first_escalation", "ms_resolution_after_escalation", "ms_to_resolution", "escalations", "bounces", "reopens", "ping_pong", "first_contact_resolved", "agents_touched", "escalated_by", "path", "failing_endpoint", "error_fingerprint"],
      facts.map((f) => [f.ticketId, f.workspaceId, f.createdAt, f.category, f.plan, f.firstAgentId, f.resolverId, f.resolvedAt, f.firstEscalatedAt, f.msToFirstEscalation, f.msResolutionAfterEscalation, f.msToResolution, f.escalations, f.bounces, f.reopens, f.pingPong, f.firstContactResolved, f.agentsTouched, f.escalatedBy.length ? f.escalatedBy : "{}", f.path, f.failingEndpoint, f.errorFingerprint]));
  };
}
