import { and, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { metricsSignalDaily, ticketFacts as f } from "../../db/schema-metrics.js";
import { rowsOf } from "../../lib/rows-of.js";
import { DAY, type SignalKind, utcDay } from "./metrics-signal-rollups.js";

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
