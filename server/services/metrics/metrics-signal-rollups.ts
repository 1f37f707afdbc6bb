import { and, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { metricsSignalCustomers, metricsSignalDaily, ticketFacts as f } from "../../db/schema-metrics.js";
import { rowsOf } from "../../lib/rows-of.js";
import type { TicketFacts } from "./fold-ticket-facts.js";

/** Failing endpoint / error fingerprint: the two product signals the insights group tickets by. */
export const SIGNAL_KINDS = { endpoint: "failingEndpoint", fingerprint: "errorFingerprint" } as const;
export type SignalKind = keyof typeof SIGNAL_KINDS;
export type SignalFacts = Pick<
  TicketFacts,
  "ticketId" | "createdAt" | "category" | "plan" | "failingEndpoint" | "errorFingerprint"
>;

const DAY = 86_400_000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

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

export interface SignalPeriod {
  workspaceId: string;
  from: Date;
  to: Date;
  /** null: any; "" : none. */
  category: string | null;
  plan: string | null;
}

/** The period's category / plan filters on a rollup table ('' = none). */
function rollupFilters(p: SignalPeriod): SQL {
  return sql`${p.category === null ? sql`` : sql`and category = ${p.category}`} ${p.plan === null ? sql`` : sql`and plan = ${p.plan}`}`;
}

/** The same filters on ticket_facts, where none is null. */
function factFilters(p: SignalPeriod): SQL {
  const is = (column: typeof f.category | typeof f.plan, value: string | null) =>
    value === null ? sql`true` : value === "" ? sql`${column} is null` : eq(column, value);
  return sql`${is(f.category, p.category)} and ${is(f.plan, p.plan)}`;
}

/**
 * "47 tickets from 12 customers after POST /api/export returned 500": the top values of the period. Whole UTC days
 * come from metrics_signal_daily (days x values rows); a partial first or last day is counted from the facts of that
 * day only, so any period is exact in tickets; customers are then counted exactly for the values shown.
 */
export async function topSignalValues(
  db: Db,
  kind: SignalKind,
  p: SignalPeriod,
  limit = 10,
  exactRows = EXACT_CUSTOMER_ROWS,
) {
  const firstWhole = new Date(Math.ceil(p.from.getTime() / DAY) * DAY);
  const lastWhole = new Date(Math.floor(p.to.getTime() / DAY) * DAY);
  const totals = new Map<string, { tickets: number; customers: number }>();
  const add = (value: string, tickets: number, customers: number) => {
    const t = totals.get(value) ?? { tickets: 0, customers: 0 };
    t.tickets += tickets;
    t.customers += customers;
    totals.set(value, t);
  };
  if (firstWhole < lastWhole) {
    const rows = rowsOf<{ value: string; tickets: number; customers: number }>(
      await db.execute(sql`select value, sum(tickets)::int as tickets, sum(customers)::int as customers from ${metricsSignalDaily}
        where workspace_id = ${p.workspaceId}::uuid and kind = ${kind} and day >= ${utcDay(firstWhole)} and day < ${utcDay(lastWhole)} ${rollupFilters(p)}
        group by value having sum(tickets) > 0`),
    );
    for (const r of rows) add(r.value, Number(r.tickets), Number(r.customers));
  }
  const edges =
    firstWhole < lastWhole
      ? [
          [p.from, firstWhole],
          [lastWhole, p.to],
        ]
      : [[p.from, p.to]];
  for (const [from, to] of edges) {
    if (from! >= to!) continue;
    for (const r of await partialDay(db, kind, p, from!, to!)) add(r.value, r.tickets, r.customers);
  }
  const top = [...totals]
    .sort((a, b) => b[1].tickets - a[1].tickets || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit);
  // Each per-day customer count is one row to read: their sum is exactly what an exact count would scan.
  const rows = top.reduce((n, [, t]) => n + t.customers, 0);
  const slots = rows <= exactRows ? SLOTS : Math.max(1, Math.ceil((SLOTS * exactRows) / rows));
  const customers = await distinctCustomers(
    db,
    kind,
    p,
    top.map(([value]) => value),
    slots,
    firstWhole < lastWhole ? [firstWhole, lastWhole] : null,
    edges as [Date, Date][],
  );
  return top.map(([value, t]) => {
    const counted = customers.get(value) ?? 0;
    if (slots === SLOTS) return { value, tickets: t.tickets, customers: counted };
    // A sample of customers (by slot) scaled up; never more than the tickets, never fewer than those counted.
    return {
      value,
      tickets: t.tickets,
      customers: Math.min(t.tickets, Math.max(counted, Math.round((counted * SLOTS) / slots))),
      customersEstimated: true,
    };
  });
}

/**
 * Distinct customers are exact while the customer rows behind the values shown are at most this many. Above it they
 * are counted in a sample of the 64 customer slots (hashtext(customer) & 63: a customer is in or out on every day)
 * and scaled up, read through metrics_signal_customers_sample_idx: the work stays near this many rows whatever the
 * workspace's size, and the error of a 20k-row sample is about 1 %.
 */
export const EXACT_CUSTOMER_ROWS = 20_000;
const SLOTS = 64;

/**
 * Exact distinct customers over the whole period, for the few values shown only: the per-day rows cannot be summed
 * (a customer reporting on two days would count twice), so the customers behind those values are unioned and counted.
 */
async function distinctCustomers(
  db: Db,
  kind: SignalKind,
  p: SignalPeriod,
  values: string[],
  slots: number,
  whole: [Date, Date] | null,
  edges: [Date, Date][],
) {
  if (values.length === 0) return new Map<string, number>();
  const list = sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
  // `= any(array)` of the slots: one index range per slot and value, each bounded by the period's days.
  const slotList = sql.raw(`array[${Array.from({ length: slots }, (_, i) => i).join(",")}]`);
  const parts: SQL[] = [];
  if (whole) {
    parts.push(sql`select value, customer from metrics_signal_customers
      where workspace_id = ${p.workspaceId}::uuid and kind = ${kind} and day >= ${utcDay(whole[0])} and day < ${utcDay(whole[1])}
        and value = any(array[${list}]) and slot = any(${slotList}) ${rollupFilters(p)}`);
  }
  const column = sql.raw(kind === "endpoint" ? "ticket_facts.failing_endpoint" : "ticket_facts.error_fingerprint");
  for (const [from, to] of edges) {
    if (from >= to) continue;
    parts.push(sql`select ${column} as value, lower(coalesce(tickets.customer_email, '')) as customer
      from ticket_facts join tickets on tickets.id = ticket_facts.ticket_id
      where ticket_facts.workspace_id = ${p.workspaceId}::uuid and ticket_facts.created_at >= ${from.toISOString()}::timestamptz
        and ticket_facts.created_at < ${to.toISOString()}::timestamptz and ${column} in (${list})
        and hashtext(lower(coalesce(tickets.customer_email, ''))) & 63 = any(${slotList}) and ${factFilters(p)}`);
  }
  if (parts.length === 0) return new Map<string, number>();
  const rows = rowsOf<{ value: string; customers: number }>(
    await db.execute(
      sql`select value, count(distinct customer)::int as customers from (${sql.join(parts, sql` union all `)}) s group by value`,
    ),
  );
  return new Map(rows.map((r) => [r.value, Number(r.customers)]));
}

/** Facts of a range inside one UTC day (or a short period): bounded by that day's tickets. */
async function partialDay(db: Db, kind: SignalKind, p: SignalPeriod, from: Date, to: Date) {
  const column = kind === "endpoint" ? f.failingEndpoint : f.errorFingerprint;
  const where = [eq(f.workspaceId, p.workspaceId), gte(f.createdAt, from), lt(f.createdAt, to), isNotNull(column)];
  where.push(factFilters(p));
  const day = sql`to_char(${f.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  return db
    .select({
      value: sql<string>`${column}`,
      tickets: sql<number>`count(*)::int`.mapWith(Number),
      // Per day, category and plan, as the rollup rows count them.
      customers:
        sql<number>`count(distinct (${day}, coalesce(${f.category}, ''), coalesce(${f.plan}, ''), lower(coalesce(${tickets.customerEmail}, ''))))::int`.mapWith(
          Number,
        ),
    })
    .from(f)
    .innerJoin(tickets, eq(tickets.id, f.ticketId))
    .where(and(...where))
    .groupBy(column);
}
