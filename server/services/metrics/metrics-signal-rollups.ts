import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { metricsSignalCustomers, metricsSignalDaily } from "../../db/schema-metrics.js";
import type { TicketFacts } from "./fold-ticket-facts.js";

/** Failing endpoint / error fingerprint: the two product signals the insights group tickets by. */
export const SIGNAL_KINDS = { endpoint: "failingEndpoint", fingerprint: "errorFingerprint" } as const;
export type SignalKind = keyof typeof SIGNAL_KINDS;
export type SignalFacts = Pick<
  TicketFacts,
  "ticketId" | "createdAt" | "category" | "plan" | "failingEndpoint" | "errorFingerprint"
>;

export const DAY = 86_400_000;
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Adds or removes tickets' signal contributions, in the refold's transaction (as applyRollupDelta). A row's customers
 * change only when a customer's ticket count in it goes 0 -> n or n -> 0, which the upsert's returned count tells.
 */
export async function applySignalDelta(
  db: Db,
  workspaceId: string,
  changes: { facts: SignalFacts; sign: 1 | -1 }[],
): Promise<void> {
  const relevant = changes.filter((c) => c.facts.failingEndpoint || c.facts.errorFingerprint);
  if (relevant.length === 0) return;
  // The customer email is set at creation and never changes, so reading it now gives the key the ticket was added under.
  const emails = new Map(
    (
      await db
        .select({ id: tickets.id, email: tickets.customerEmail })
        .from(tickets)
        .where(inArray(tickets.id, [...new Set(relevant.map((c) => c.facts.ticketId))]))
    ).map((t) => [t.id, (t.email ?? "").toLowerCase()]),
  );
  const perCustomer = new Map<string, { key: string[]; n: number }>();
  for (const { facts, sign } of relevant) {
    for (const [kind, column] of Object.entries(SIGNAL_KINDS)) {
      const value = facts[column];
      if (!value) continue;
      const key = [
        kind,
        utcDay(facts.createdAt),
        facts.category ?? "",
        facts.plan ?? "",
        value,
        emails.get(facts.ticketId) ?? "",
      ];
      const row = perCustomer.get(key.join("\u0000")) ?? { key, n: 0 };
      row.n += sign;
      perCustomer.set(key.join("\u0000"), row);
    }
  }
  const rows = [...perCustomer.values()].filter((r) => r.n !== 0);
  if (rows.length === 0) return;
  const after = await db
    .insert(metricsSignalCustomers)
    .values(
      rows.map(({ key: [kind, day, category, plan, value, customer], n }) => ({
        workspaceId,
        kind: kind!,
        day: day!,
        category: category!,
        plan: plan!,
        value: value!,
        customer: customer!,
        tickets: n,
      })),
    )
    .onConflictDoUpdate({
      target: [
        metricsSignalCustomers.workspaceId,
        metricsSignalCustomers.kind,
        metricsSignalCustomers.day,
        metricsSignalCustomers.category,
        metricsSignalCustomers.plan,
        metricsSignalCustomers.value,
        metricsSignalCustomers.customer,
      ],
      set: { tickets: sql`${metricsSignalCustomers.tickets} + excluded.tickets` },
    })
    .returning({
      kind: metricsSignalCustomers.kind,
      day: metricsSignalCustomers.day,
      category: metricsSignalCustomers.category,
      plan: metricsSignalCustomers.plan,
      value: metricsSignalCustomers.value,
      customer: metricsSignalCustomers.customer,
      tickets: metricsSignalCustomers.tickets,
    });
  const delta = new Map(rows.map((r) => [r.key.join("\u0000"), r.n]));
  const daily = new Map<string, { key: string[]; tickets: number; customers: number }>();
  for (const row of after) {
    const key = [row.kind, row.day, row.category, row.plan, row.value];
    const n = delta.get([...key, row.customer].join("\u0000"))!;
    const entry = daily.get(key.join("\u0000")) ?? { key, tickets: 0, customers: 0 };
    entry.tickets += n;
    entry.customers += Number(row.tickets > 0) - Number(row.tickets - n > 0);
    daily.set(key.join("\u0000"), entry);
  }
  // Only rows this delta touched can have dropped to zero: delete those by key (not a scan of the workspace's rows).
  const emptied = after.filter((row) => row.tickets <= 0);
  if (emptied.length) {
    const c = metricsSignalCustomers;
    await db
      .delete(c)
      .where(
        and(
          eq(c.workspaceId, workspaceId),
          lte(c.tickets, 0),
          or(
            ...emptied.map((r) =>
              and(
                eq(c.kind, r.kind),
                eq(c.day, r.day),
                eq(c.category, r.category),
                eq(c.plan, r.plan),
                eq(c.value, r.value),
                eq(c.customer, r.customer),
              ),
            ),
          ),
        ),
      );
  }
  const dailyRows = [...daily.values()].filter((r) => r.tickets !== 0 || r.customers !== 0);
  if (dailyRows.length === 0) return;
  await db
    .insert(metricsSignalDaily)
    .values(
      dailyRows.map(({ key: [kind, day, category, plan, value], tickets: n, customers }) => ({
        workspaceId,
        kind: kind!,
        day: day!,
        category: category!,
        plan: plan!,
        value: value!,
        tickets: n,
        customers,
      })),
    )
    .onConflictDoUpdate({
      target: [
        metricsSignalDaily.workspaceId,
        metricsSignalDaily.kind,
        metricsSignalDaily.day,
        metricsSignalDaily.category,
        metricsSignalDaily.plan,
        metricsSignalDaily.value,
      ],
      set: {
        tickets: sql`${metricsSignalDaily.tickets} + excluded.tickets`,
        customers: sql`${metricsSignalDaily.customers} + excluded.customers`,
      },
    });
}

/** Recounts a workspace's signal rollups from its facts (inside rebuildRollups' transaction). */
export async function rebuildSignalRollups(db: Db, workspaceId: string): Promise<void> {
  const ws = sql`${workspaceId}::uuid`;
  await db.delete(metricsSignalCustomers).where(eq(metricsSignalCustomers.workspaceId, workspaceId));
  await db.delete(metricsSignalDaily).where(eq(metricsSignalDaily.workspaceId, workspaceId));
  await db.execute(sql`insert into metrics_signal_customers (workspace_id, kind, day, category, plan, value, customer, tickets)
    select ${ws}, s.kind, to_char(f.created_at at time zone 'UTC', 'YYYY-MM-DD'), coalesce(f.category, ''), coalesce(f.plan, ''), s.value,
      lower(coalesce(t.customer_email, '')), count(*)
    from ticket_facts f join tickets t on t.id = f.ticket_id,
      lateral (values ('endpoint', f.failing_endpoint), ('fingerprint', f.error_fingerprint)) as s(kind, value)
    where f.workspace_id = ${ws} and s.value is not null
    group by 2, 3, 4, 5, 6, 7`);
  await db.execute(sql`insert into metrics_signal_daily (workspace_id, kind, day, category, plan, value, tickets, customers)
    select workspace_id, kind, day, category, plan, value, sum(tickets), count(*)
    from metrics_signal_customers where workspace_id = ${ws} group by 1, 2, 3, 4, 5, 6`);
}
