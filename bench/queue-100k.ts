/**
 * Seeds 100k tickets (and 200k messages) into a scratch PostgreSQL database and prints how long the queue's
 * queries take through the real service (filters, full-text search, deep pages, counts).
 *
 *   npx tsx bench/queue-100k.ts [postgres://postgres@127.0.0.1:5432/postgres]
 *
 * The scratch database is dropped at the end.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { connectionOptions, openDatabase } from "../server/db/client.js";
import { listTickets } from "../server/services/tickets/list-tickets.js";
import { ticketListQuerySchema, type TicketListQuery } from "../shared/agent-api.js";
import { agentActor, systemActor } from "../server/access/actor.js";

const BASE = process.argv[2] ?? process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const RUNS = 7;

const name = `handoff_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(connectionOptions(BASE, 1));
await admin.unsafe(`create database "${name}"`);
const url = new URL(BASE);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
const sql = postgres(connectionOptions(url.toString(), 1));

try {
  const seedStart = performance.now();
  const [workspace] = await sql`insert into workspaces (name, site_key, identity_secret, upload_secret)
    values ('Bench', 'pk_bench', 'x', 'y') returning id`;
  const agents = await sql`insert into agents (workspace_id, email, name, password_hash, tier)
    select ${workspace!.id}, 'agent' || i || '@bench.example', 'Agent ' || i, 'x', 1 + i % 3 from generate_series(1, 30) i returning id`;
  const agentIds = agents.map((a) => a.id as string);
  // Words drawn from a small vocabulary, plus one rare word in 0.1% of tickets, so searches hit many or few rows.
  await sql`
    insert into tickets (workspace_id, number, reference, subject, description, customer_email, identity, page_url, context,
      status, severity, tier, queue, priority, assignee_id, signals, recording_status, created_at)
    select ${workspace!.id}, i, 'HO-' || i,
      (array['Export','Invoice','Login','Dashboard','Billing','Report','Password','Upload'])[1 + i % 8] || ' ' ||
        (array['fails','broken','slow','missing','wrong','blank'])[1 + i % 6] || case when i % 1000 = 0 then ' zanzibar' else '' end,
      'Customer says ' || md5(i::text) || ' when clicking the button on page ' || (i % 50),
      'user' || i || '@customer.example',
      jsonb_build_object('plan', (array['starter','pro','enterprise'])[1 + i % 3], 'company', 'Company ' || (i % 500)),
      'https://app.example/page', '{"clicks":[],"navigation":[],"console":[],"network":[],"metadata":{}}'::jsonb,
      (array['open','open','pending','escalated','resolved','closed','closed','closed'])[1 + i % 8],
      (array['critical','high','medium','low'])[1 + i % 4], 1 + (i / 3) % 3,
      (array['billing','technical','account'])[1 + i % 3], (i * 7919) % 100,
      case when i % 4 = 0 then null else (${agentIds}::uuid[])[1 + i % 30] end,
      case when i % 5 = 0 then array['rage_clicks'] else '{}' end, 'none',
      now() - (i || ' seconds')::interval
    from generate_series(1, ${TICKETS}) i`;
  await sql`
    insert into messages (ticket_id, author_type, body, internal, created_at)
    select id, 'customer', 'Follow-up about ' || subject || case when number % 997 = 0 then ' quokka' else '' end, false, created_at
    from tickets
    union all
    select id, 'agent', 'Internal: checked logs for ' || reference, true, created_at from tickets`;
  await sql`analyze`;
  console.log(
    `seeded ${TICKETS} tickets and ${TICKETS * 2} messages in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const me = agentIds[0]!;
  // Only its id and workspace matter to the queue (assignee=me).
  const meActor = agentActor({
    id: me,
    workspaceId: workspace!.id,
    email: "",
    name: "",
    role: "agent",
    tier: 1,
    skills: [],
  });
  const cases: [string, Record<string, string>][] = [
    ["all, first page (+ counts)", {}],
    ["status=open", { status: "open" }],
    ["queue=billing&tier=2&status=open", { queue: "billing", tier: "2", status: "open" }],
    ["severity=critical&plan=enterprise", { severity: "critical", plan: "enterprise" }],
    ["assignee=me", { assignee: "me" }],
    ["assignee=unassigned&status=open", { assignee: "unassigned", status: "open" }],
    ["q=export (common word)", { q: "export" }],
    ["q=zanzibar (rare, in subjects)", { q: "zanzibar" }],
    ["q=quokka (rare, in messages)", { q: "quokka" }],
    ["q=HO-4242 (reference)", { q: "HO-4242" }],
    ["q=user4242@customer.example (a customer)", { q: "user4242@customer.example" }],
    ["q=company 42 (a customer's company)", { q: "company 42" }],
  ];
  const time = async (query: TicketListQuery) => {
    const samples: number[] = [];
    let result: Awaited<ReturnType<typeof listTickets>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      result = await listTickets(database.db, { actor: meActor, query });
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return { median: samples[Math.floor(RUNS / 2)]!, max: samples[RUNS - 1]!, result: result! };
  };
  console.log(`\nqueue query (limit 50), median / max of ${RUNS} runs:`);
  for (const [label, raw] of cases) {
    const { median, max, result } = await time(ticketListQuerySchema.parse(raw));
    console.log(
      `  ${label.padEnd(40)} ${median.toFixed(1).padStart(7)} ms ${max.toFixed(1).padStart(7)} ms   ${result.tickets.length} rows`,
    );
  }
  // Deep pagination: follow cursors 40 pages in, then time the next page.
  let cursor: string | null | undefined;
  for (let page = 0; page < 40; page++) {
    cursor = (
      await listTickets(database.db, {
        actor: systemActor(workspace!.id),
        query: ticketListQuerySchema.parse({ status: "open", cursor: cursor ?? undefined }),
      })
    ).nextCursor;
  }
  const deep = await time(ticketListQuerySchema.parse({ status: "open", cursor: cursor ?? undefined }));
  console.log(
    `  ${"status=open, page 41 (cursor)".padEnd(40)} ${deep.median.toFixed(1).padStart(7)} ms ${deep.max.toFixed(1).padStart(7)} ms   ${deep.result.tickets.length} rows`,
  );
} finally {
  await sql.end();
  await database.close();
  if (process.env.BENCH_KEEP === "1") console.log(`kept database ${name}`);
  else await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
