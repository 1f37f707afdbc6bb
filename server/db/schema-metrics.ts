/**
 * The escalation metrics' tables: per-ticket facts and the rollups read by the dashboard (server/services/metrics-*).
 * Kept apart from the product tables in schema.ts; drizzle.config.ts lists both files.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces, tickets } from "./schema.js";

/**
 * Escalation metrics' pre-aggregation: one row per ticket, folded from its timeline (server/services/metrics/fold-ticket-facts.ts)
 * and refreshed incrementally from ticket_events (refresh-ticket-facts.ts). The dashboard reads only this table,
 * through (workspace_id, created_at), so its cost follows one workspace's period, not the whole history.
 */
export const ticketFacts = pgTable(
  "ticket_facts",
  {
    ticketId: uuid("ticket_id")
      .primaryKey()
      .references(() => tickets.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** The queue the ticket started in. */
    category: text("category"),
    plan: text("plan"),
    firstAgentId: uuid("first_agent_id"),
    resolverId: uuid("resolver_id"),
    /** Final resolution: null while open, reopened or escalated after its last resolution. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    firstEscalatedAt: timestamp("first_escalated_at", { withTimezone: true }),
    msToFirstEscalation: bigint("ms_to_first_escalation", { mode: "number" }),
    msResolutionAfterEscalation: bigint("ms_resolution_after_escalation", { mode: "number" }),
    msToResolution: bigint("ms_to_resolution", { mode: "number" }),
    escalations: integer("escalations").notNull().default(0),
    bounces: integer("bounces").notNull().default(0),
    reopens: integer("reopens").notNull().default(0),
    pingPong: boolean("ping_pong").notNull().default(false),
    firstContactResolved: boolean("first_contact_resolved").notNull().default(false),
    agentsTouched: integer("agents_touched").notNull().default(0),
    /** The agent who sent each escalation, in order (an agent may appear several times). */
    escalatedBy: uuid("escalated_by").array().notNull().default(sql`'{}'::uuid[]`),
    /** Stages in order: [{ tier, agentId, enteredAt, ms, via }]. */
    path: jsonb("path").$type<unknown[]>().notNull().default([]),
    /** "POST /api/export 500": the first failed request the widget captured, ids normalised. */
    failingEndpoint: text("failing_endpoint"),
    /** The first console error, numbers and URLs normalised, so the same bug groups across customers. */
    errorFingerprint: text("error_fingerprint"),
    /** The newest ticket_events id folded in: the refresh skips tickets already up to date. */
    lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
    /** 0..63 from the ticket id: percentiles of a huge cohort read a bounded, unbiased sample (see metrics-percentiles.ts). */
    sample: integer("sample").notNull().default(0),
  },
  (t) => [
    index("ticket_facts_workspace_created_idx").on(t.workspaceId, t.createdAt),
    // Every column the percentile query reads is in the index, so a big cohort's sample is an index-only scan (no heap
    // page per sampled ticket).
    index("ticket_facts_escalated_sample_idx")
      .on(
        t.workspaceId,
        t.sample,
        t.createdAt,
        t.category,
        t.plan,
        t.firstAgentId,
        t.msToFirstEscalation,
        t.msResolutionAfterEscalation,
      )
      .where(sql`${t.escalations} > 0`),
    // Anomalies and the weekly review look at when escalations happened, not when tickets were created.
    index("ticket_facts_workspace_escalated_idx").on(t.workspaceId, t.firstEscalatedAt),
  ],
);

/** Last ticket_events id folded into ticket_facts, per workspace. */
export const metricsWatermarks = pgTable("metrics_watermarks", {
  workspaceId: uuid("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
  /** False until the rollups were built from this workspace's facts (then they are maintained incrementally). */
  rollupsBuilt: boolean("rollups_built").notNull().default(false),
});

/**
 * Pre-aggregated cohort counts per UTC creation day x category x first agent x plan ('' = none), maintained from
 * ticket_facts in the same transaction as each refold (new contribution minus old), so sums stay exact and a
 * dashboard query reads one row per group and day instead of one per ticket.
 */
export const metricsDaily = pgTable(
  "metrics_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** Which dimensions are ANY ('*'): bit 0 category, 1 first agent, 2 plan. First in the key, so a query reads only its grain. */
    grain: integer("grain").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    firstAgent: text("first_agent").notNull(),
    plan: text("plan").notNull(),
    tickets: integer("tickets").notNull().default(0),
    escalated: integer("escalated").notNull().default(0),
    resolved: integer("resolved").notNull().default(0),
    reopened: integer("reopened").notNull().default(0),
    firstContactResolved: integer("first_contact_resolved").notNull().default(0),
    escalatedResolved: integer("escalated_resolved").notNull().default(0),
    pingPong: integer("ping_pong").notNull().default(0),
    escalations: integer("escalations").notNull().default(0),
    bounced: integer("bounced").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.grain, t.day, t.category, t.firstAgent, t.plan] })],
);

/** Escalations each agent sent and tickets each resolved, per cohort key (creation day, category, first agent, plan). */
export const metricsAgentDaily = pgTable(
  "metrics_agent_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    grain: integer("grain").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    firstAgent: text("first_agent").notNull(),
    plan: text("plan").notNull(),
    agentId: text("agent_id").notNull(),
    escalationsSent: integer("escalations_sent").notNull().default(0),
    resolved: integer("resolved").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.grain, t.day, t.category, t.firstAgent, t.plan, t.agentId] }),
    // The key plus both sums: a long period's per-agent table is an index-only scan. Without it, each day's rows of a
    // grain sit on that day's pages between the other grains' rows, and a year reads one heap page per row.
    index("metrics_agent_daily_sums_idx").on(
      t.workspaceId,
      t.grain,
      t.day,
      t.category,
      t.firstAgent,
      t.plan,
      t.agentId,
      t.escalationsSent,
      t.resolved,
    ),
  ],
);

/** Tickets first escalated per UTC day and category: the anomaly detector's weekly series. */
export const metricsEscalationDaily = pgTable(
  "metrics_escalation_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    category: text("category").notNull(),
    escalated: integer("escalated").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.category] })],
);

/**
 * Tickets per UTC creation day, category and plan ('' = none) by failing endpoint / error fingerprint (kind), so the
 * insights read days x values rows instead of the period's tickets. `customers` counts distinct customers within the
 * row (one day, category and plan): exact per row, so a sum over rows is an upper bound of the period's distinct
 * customers (a customer who reports the same problem on two days counts twice).
 */
export const metricsSignalDaily = pgTable(
  "metrics_signal_daily",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    plan: text("plan").notNull(),
    value: text("value").notNull(),
    tickets: integer("tickets").notNull().default(0),
    customers: integer("customers").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.kind, t.day, t.category, t.plan, t.value] })],
);

/** Which customers make up metrics_signal_daily.customers: written by the rollup maintenance only, never read by a dashboard query. */
export const metricsSignalCustomers = pgTable(
  "metrics_signal_customers",
  {
    workspaceId: uuid("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    day: text("day").notNull(),
    category: text("category").notNull(),
    plan: text("plan").notNull(),
    value: text("value").notNull(),
    customer: text("customer").notNull(),
    tickets: integer("tickets").notNull().default(0),
    /** 0..63 from the customer: a huge period counts the distinct customers of a sample of slots (see topSignalValues). */
    slot: integer("slot").notNull().generatedAlwaysAs(sql`hashtext(customer) & 63`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.kind, t.day, t.category, t.plan, t.value, t.customer] }),
    // Per value and slot, the days of the period: exact counts probe all 64 slots, sampled ones a few; index-only.
    index("metrics_signal_customers_sample_idx").on(
      t.workspaceId,
      t.kind,
      t.value,
      t.slot,
      t.day,
      t.category,
      t.plan,
      t.customer,
    ),
  ],
);
