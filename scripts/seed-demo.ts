/**
 * npm run seed:demo -- --tickets N [--workspaces W]   (default: one workspace per ~20,000 tickets)
 * Realistic workspaces (agents in two tiers, categories, plans), tickets over the last year and their timelines
 * (assignment, escalation, bounced handoffs, ping-pong, resolution, reopen), plus their ticket_facts, folded by the
 * same code the server uses, and the metrics rollups, recounted in SQL at the end. `--workspaces 1` puts all N
 * tickets in one workspace. DATABASE_URL: PostgreSQL, loaded with COPY (one batch generated while the previous one
 * is copied); else PGlite in HANDOFF_DATA_DIR (.handoff/).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { openDatabase, connectionOptions, type Db } from "../server/db/client.js";
import { agents, ticketEvents, tickets, workspaces } from "../server/db/schema.js";
import { metricsWatermarks, ticketFacts } from "../server/db/schema-metrics.js";
import { foldTicketFacts, type FoldEvent, type TicketFacts } from "../server/services/metrics/fold-ticket-facts.js";
import { rebuildRollups } from "../server/services/metrics/metrics-rollups.js";
import { generateWorkspace, type SeedTicket } from "./seed-history.js";

const { values } = parseArgs({
  options: { tickets: { type: "string", default: "1000" }, workspaces: { type: "string" } },
});
const total = Number(values.tickets);
if (!Number.isInteger(total) || total < 1) throw new Error("--tickets must be a positive integer");
const workspaceCount = values.workspaces ? Number(values.workspaces) : Math.max(1, Math.round(total / 20_000));
if (!Number.isInteger(workspaceCount) || workspaceCount < 1 || workspaceCount > total)
  throw new Error("--workspaces must be between 1 and --tickets");
const BATCH = 10_000;

const databaseUrl = process.env.DATABASE_URL;
const database = await openDatabase({
  databaseUrl,
  dataDir: databaseUrl ? undefined : (process.env.HANDOFF_DATA_DIR ?? ".handoff/pglite"),
});
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const copy = databaseUrl ? await copier(databaseUrl) : null;
let done = 0;
// A bulk load into indexed tables is dominated by index maintenance: with PostgreSQL and a big seed, drop the
// secondary indexes first and rebuild them once at the end (in `finally`, so an error does not leave them dropped).
const deferred = databaseUrl && total >= 100_000 ? await dropSecondaryIndexes(database.db) : [];
try {
  for (let w = 0; w < workspaceCount; w++) {
    const size = Math.floor(total / workspaceCount) + (w < total % workspaceCount ? 1 : 0);
    const wsId = randomUUID();
    await database.db.insert(workspaces).values({
      id: wsId,
      name: `Seed workspace ${w + 1}`,
      siteKey: `pk_seed_${wsId.slice(0, 8)}`,
      identitySecret: randomUUID(),
      uploadSecret: randomUUID(),
      ticketSeq: size,
    });
    // A bigger workspace has a bigger team: about one agent per 25k tickets a year, at least 6, at most 60.
    const team = Array.from({ length: Math.min(60, Math.max(6 + (w % 10), Math.round(size / 25_000))) }, (_, i) => ({
      id: randomUUID(),
      tier: i % 3 === 2 ? 2 : 1,
      name: `Agent ${w + 1}.${i + 1}`,
    }));
    await database.db.insert(agents).values(
      team.map((a) => ({
        id: a.id,
        workspaceId: wsId,
        name: a.name,
        email: `${a.id}@seed.example`,
        passwordHash: "!",
        tier: a.tier,
      })),
    );
    let batch: SeedTicket[] = [];
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      const facts = batch.map((t) => foldTicketFacts({ ...t.row, plan: t.row.identity?.plan ?? null }, t.events));
      const rows = batch;
      batch = [];
      await inFlight;
      inFlight = copy ? copy(rows, facts) : insertBatch(database.db, rows, facts);
      done += rows.length;
      if (done % 100_000 < BATCH)
        console.log(`${done.toLocaleString("en")}/${total.toLocaleString("en")} tickets, ${elapsed()}`);
    };
    for (const ticket of generateWorkspace({
      workspaceId: wsId,
      agents: team,
      tickets: size,
      seed: w + 1,
      now: Date.now(),
    })) {
      batch.push(ticket);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length) await flush();
    await inFlight;
    // Everything seeded is folded: recount the rollups in SQL, start the incremental refresh after the seeded events,
    // and mark the facts the refresh's late-commit margin will look at as up to date.
    await rebuildRollups(database.db, wsId);
    await database.db.insert(metricsWatermarks).values({
      workspaceId: wsId,
      rollupsBuilt: true,
      lastEventId: sql`(select coalesce(max(id), 0) from ticket_events)` as never,
    });
    await database.db.execute(sql`update ticket_facts f set last_event_id = e.max_id from (
    select ticket_id, max(id) as max_id from ticket_events where id > (select max(id) - 1000 from ticket_events) group by ticket_id) e
    where f.ticket_id = e.ticket_id`);
    const [mark] = await database.db.select().from(metricsWatermarks).where(eq(metricsWatermarks.workspaceId, wsId));
    console.log(
      `workspace ${w + 1} (${wsId}): ${size.toLocaleString("en")} tickets, ${team.length} agents, events up to ${mark?.lastEventId}, ${elapsed()}`,
    );
  }
} finally {
  for (const definition of deferred) await database.db.execute(sql.raw(definition));
  if (deferred.length) console.log(`rebuilt ${deferred.length} indexes, ${elapsed()}`);
}
if (databaseUrl)
  await database.db.execute(
    sql`vacuum analyze tickets, ticket_events, ticket_facts, metrics_daily, metrics_agent_daily, metrics_escalation_daily, metrics_signal_daily, metrics_signal_customers`,
  );
console.log(`seeded ${total.toLocaleString("en")} tickets in ${workspaceCount} workspace(s) in ${elapsed()}`);
await database.close();
process.exit(0);

async function dropSecondaryIndexes(db: Db): Promise<string[]> {
  const result = await db.execute<{
    name: string;
    definition: string;
  }>(sql`select i.indexname as name, i.indexdef as definition
    from pg_indexes i where i.schemaname = 'public' and i.tablename in ('tickets', 'ticket_events', 'ticket_facts')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`);
  const rows = (
    Array.isArray(result) ? result : (result as unknown as { rows: { name: string; definition: string }[] }).rows
  ) as { name: string; definition: string }[];
  for (const row of rows) await db.execute(sql.raw(`drop index "${row.name}"`));
  console.log(`dropped ${rows.length} secondary indexes for the load`);
  return rows.map((r) => r.definition);
}

async function insertBatch(db: Db, batch: SeedTicket[], facts: TicketFacts[]) {
  for (let i = 0; i < batch.length; i += 500) {
    const part = batch.slice(i, i + 500);
    await db.insert(tickets).values(part.map((t) => t.row));
    await db
      .insert(ticketEvents)
      .values(part.flatMap((t) => t.events.map((e) => ({ ...e, workspaceId: t.row.workspaceId, ticketId: t.row.id }))));
    await db.insert(ticketFacts).values(facts.slice(i, i + 500));
  }
}

/** COPY FROM STDIN in text format: an order of magnitude faster than INSERTs for millions of rows. */
async function copier(url: string) {
  const { default: postgres } = await import("postgres");
  const client = postgres(connectionOptions(url, 1));
  const esc = (v: unknown): string => {
    if (v === null || v === undefined) return "\\N";
    const s =
      v instanceof Date
        ? v.toISOString()
        : Array.isArray(v) && typeof v[0] !== "object"
          ? `{${v.join(",")}}`
          : typeof v === "object"
            ? JSON.stringify(v)
            : String(v);
    return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
  };
  async function copyRows(table: string, columns: string[], rows: unknown[][]) {
    const stream = await client`copy ${client(table)} (${client(columns)}) from stdin`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      stream.end(`${rows.map((r) => r.map(esc).join("\t")).join("\n")}\n`);
    });
  }
  return async (batch: SeedTicket[], facts: TicketFacts[]) => {
    await copyRows(
      "tickets",
      [
        "id",
        "workspace_id",
        "number",
        "reference",
        "subject",
        "description",
        "customer_email",
        "identity",
        "page_url",
        "context",
        "status",
        "queue",
        "tier",
        "assignee_id",
        "escalation_count",
        "resolved_at",
        "signals",
        "created_at",
        "updated_at",
      ],
      batch.map(({ row: t }) => [
        t.id,
        t.workspaceId,
        t.number,
        t.reference,
        t.subject,
        t.description,
        t.customerEmail,
        t.identity,
        t.pageUrl,
        t.context,
        t.status,
        t.queue,
        t.tier,
        t.assigneeId,
        t.escalationCount,
        t.resolvedAt,
        t.signals,
        t.createdAt,
        t.createdAt,
      ]),
    );
    await copyRows(
      "ticket_events",
      ["workspace_id", "ticket_id", "type", "actor_type", "actor_id", "at", "details"],
      batch.flatMap((t) =>
        t.events.map((e: FoldEvent) => [t.row.workspaceId, t.row.id, e.type, e.actorType, e.actorId, e.at, e.details]),
      ),
    );
    await copyRows(
      "ticket_facts",
      [
        "ticket_id",
        "workspace_id",
        "created_at",
        "category",
        "plan",
        "first_agent_id",
        "resolver_id",
        "resolved_at",
        "first_escalated_at",
        "ms_to_first_escalation",
        "ms_resolution_after_escalation",
        "ms_to_resolution",
        "escalations",
        "bounces",
        "reopens",
        "ping_pong",
        "first_contact_resolved",
        "agents_touched",
        "escalated_by",
        "path",
        "failing_endpoint",
        "error_fingerprint",
        "sample",
      ],
      facts.map((f) => [
        f.ticketId,
        f.workspaceId,
        f.createdAt,
        f.category,
        f.plan,
        f.firstAgentId,
        f.resolverId,
        f.resolvedAt,
        f.firstEscalatedAt,
        f.msToFirstEscalation,
        f.msResolutionAfterEscalation,
        f.msToResolution,
        f.escalations,
        f.bounces,
        f.reopens,
        f.pingPong,
        f.firstContactResolved,
        f.agentsTouched,
        f.escalatedBy.length ? f.escalatedBy : "{}",
        f.path,
        f.failingEndpoint,
        f.errorFingerprint,
        f.sample,
      ]),
    );
  };
}
