import { appendFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { OPERATIONS } from "../../server/openapi/operations.js";
import { errorBodySchema } from "../../shared/errors.js";
import { agentClient, fileTicket, otherWorkspace, type AgentClient } from "../helpers/agent-client.js";
import { EXAMPLES, type FuzzIds } from "../helpers/deep-fuzz-examples.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { prng, WEIRD } from "../helpers/fuzz.js";
import { createTestApp, ORIGIN, type TestApp } from "../helpers/test-app.js";

// The shallow fuzz (agent-api-fuzz.test.ts) sends bodies the schema refuses, so handlers rarely run. Here every
// agent/admin operation with a JSON body or a query starts from a valid request (deep-fuzz-examples.ts) and one field
// at a time takes an odd value: the schema passes more often and the service's own logic (lookups, locks, writes)
// meets ids of other workspaces, deleted objects, extreme numbers and dates. Never a 5xx; a 4xx carries the error
// body; an accepted mutation leaves the object readable.
const PER_FIELD = 6;
const GONE = "00000000-0000-4000-8000-000000000000";

const key = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;
const DEEP_OPERATIONS = OPERATIONS.filter(
  (op) =>
    (op.auth === "agent" || op.auth === "admin") &&
    (op.body || op.query) &&
    (op.requestType ?? "application/json") === "application/json",
);

/** Cursors of the API's shape (base64url of "priority|time|id" or "time|id") whose parts the database refuses. */
const b64 = (s: string) => Buffer.from(s).toString("base64url");
const FORGED_CURSORS = [
  b64(`1|2026-13-45T99:99:99.000000Z|${GONE}`),
  b64(`99999999999999999999|2026-01-01T00:00:00.000000Z|${GONE}`),
  b64(`1|2026-01-01T00:00:00.000000Z|${"-".repeat(36)}`),
  b64(`2026-13-45T99:99:99.000000Z|${GONE}`),
  b64(`2026-01-01T00:00:00.000000Z|${"-".repeat(36)}`),
  b64(`275760-09-13T00:00:00.000Z|${GONE}`),
];

/** Dates at the ends of what ISO allows: a day or a zone's offset past them is no date the database reads. */
const EDGE_DATES = ["0001-01-01", "9999-12-31", "9999-12-27", "0001-01-01T00:00:00Z", "2026-02-29", "1969-12-29"];

interface Mutation {
  part?: "body" | "query";
  path?: (string | number)[];
  value?: unknown;
  /** A real id in the path and what replaces it. */
  swap?: [string, string];
}

function shuffled<T>(rand: () => number, values: T[]): T[] {
  return values
    .map((v) => [rand(), v] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v);
}

const foreignIds = (ids: FuzzIds) => [ids.otherWorkspaceTicketId, ids.otherWorkspaceAgentId, ids.deletedTicketId, GONE];

/** Odd values for a field, by the type of its valid value, plus ids that exist elsewhere or no more. */
function oddValues(valid: unknown, ids: FuzzIds): unknown[] {
  const foreign = foreignIds(ids);
  const common = [...WEIRD, ...foreign];
  if (typeof valid === "string")
    return [
      ...common,
      " ",
      "x".repeat(10_000),
      "😀".repeat(60),
      "Zoë ß 中文 \u200b",
      "bogus-enum",
      // Search syntax and references a search box gets: tsquery operators, LIKE wildcards, a reference past bigint.
      "a & b | !c :* (",
      "100%_\\'",
      "HO-99999999999999999999",
      "HO-0",
      "2026-02-30",
      "1900-01-01T00:00:00Z",
      "9999-12-31T23:59:59Z",
      `${valid}${valid}`,
      valid.toUpperCase(),
    ];
  if (typeof valid === "number") return [...common, 0, -1, 1.5, 2, 3, 4, 99, 1e21, -0.0001, "1"];
  if (typeof valid === "boolean") return [...common, !valid, "true", 0];
  if (Array.isArray(valid))
    return [...common, [], [...valid, ...valid], Array(150).fill(valid[0]), [valid[0], null], valid.slice().reverse()];
  // `seen`: what the agent saw, now out of date or naming another workspace's agent.
  return [...common, {}, { tier: 3 }, { status: "resolved", queue: null }, { assigneeId: ids.otherWorkspaceAgentId }];
}

/** Every field of a valid value, as a path (objects and the first item of arrays, with the arrays themselves). */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return [prefix, ...(value.length && typeof value[0] === "object" ? fieldPaths(value[0], [...prefix, 0]) : [])];
  if (value && typeof value === "object" && Object.keys(value).length === 0) return [prefix];
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => fieldPaths(v, [...prefix, k]));
  return [prefix];
}

function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(base) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = withValue(copy[head!], rest, value);
  return copy;
}

function toQuery(q: Record<string, unknown>): string {
  const parts = Object.entries(q).map(([k, v]) => `${encodeURIComponent(k)}=${encodeValue(String(v))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

/** A lone surrogate cannot be percent-encoded as UTF-8: sent as the broken bytes a careless client would send. */
function encodeValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

async function checkAnswer(res: Response, where: string, failures: string[]): Promise<string> {
  const text = await res.text();
  if (res.status >= 500) failures.push(`${res.status} ${where}: ${text.slice(0, 300)}`);
  else if (res.status >= 400 && !errorBodySchema.safeParse(safeJson(text)).success)
    failures.push(`${res.status} without the error body ${where}: ${text.slice(0, 200)}`);
  return text;
}
const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

describe.each(DATABASE_KINDS)("deep fuzzing the agent and admin API on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  let admin: AgentClient;
  let ids: FuzzIds;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    admin = agentClient(t, cookie);
    const other = await otherWorkspace(t);
    const agent = await admin.post("/api/v1/agents", {
      email: "robin@example.com",
      name: "Robin",
      password: "a long enough password",
      tier: 2,
      skills: ["technical"],
    });
    const webhook = await admin.post("/api/v1/webhooks", {
      url: "https://hooks.example.com/handoff",
      events: ["ticket.created"],
    });
    const escalated = await fileTicket(t);
    const escalation = await admin.post(`/api/v1/tickets/${escalated.id}/escalations`, {
      toQueue: "technical",
      toTier: 2,
      summary: "Export fails",
      attempted: [{ action: "Retried", result: "Same" }],
      reason: "Needs logs",
      customerGoal: "Export",
    });
    const deleted = await fileTicket(t);
    expect((await admin.delete(`/api/v1/tickets/${deleted.id}`)).status).toBe(204);
    ids = {
      ticketId: (await fileTicket(t)).id,
      escalatedTicketId: escalated.id,
      escalationId: escalation.body?.id,
      agentId: agent.body.id,
      webhookId: webhook.body?.id,
      matrixVersion: (await admin.get("/api/v1/matrix")).body.version,
      otherWorkspaceTicketId: (await fileTicket(t, {}, { "X-Handoff-Key": "pk_other" })).id,
      otherWorkspaceAgentId: (await other.client.get("/api/v1/auth/me")).body.id,
      deletedTicketId: deleted.id,
    };
    for (const [name, value] of Object.entries(ids)) expect(value, name).toBeTruthy();
  });
  afterAll(() => database?.close());

  it("has a valid example for every agent and admin operation with a body or a query", async () => {
    expect(DEEP_OPERATIONS.length).toBeGreaterThan(20);
    expect(DEEP_OPERATIONS.map(key).filter((k) => !EXAMPLES[k])).toEqual([]);
    expect(Object.keys(EXAMPLES).filter((k) => !DEEP_OPERATIONS.some((op) => key(op) === k))).toEqual([]);
  });

  it("answers one odd field at a time, in an otherwise valid request, with a 4xx and the error body", async () => {
    const rand = prng(20261205);
    const failures: string[] = [];
    let calls = 0;
    for (const op of DEEP_OPERATIONS) {
      const example = EXAMPLES[key(op)];
      if (!example) continue;
      // Built again from a fresh example at each call (the matrix's baseVersion moves as mutations are accepted).
      const valid = { body: example.body?.(ids), query: example.query?.(ids) };
      const mutations: Mutation[] = [{}];
      for (const part of ["body", "query"] as const) {
        const base = valid[part];
        if (!base) continue;
        for (const path of fieldPaths(base)) {
          const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], base);
          const values = oddValues(current, ids);
          for (const value of values.length > PER_FIELD ? shuffled(rand, values).slice(0, PER_FIELD) : values)
            mutations.push({ part, path, value });
          if (path.length === 1) mutations.push({ part, path, value: undefined });
          if (typeof current === "string" && /^\d{4}-\d\d-\d\d/.test(current))
            for (const value of EDGE_DATES) mutations.push({ part, path, value });
          if (/^(cursor|before)$/.test(String(path.at(-1))))
            for (const value of FORGED_CURSORS) mutations.push({ part, path, value });
        }
      }
      // The object in the path: another workspace's, deleted, or never existing, with an otherwise valid request.
      const realPath = example.path(ids);
      for (const id of Object.values(ids))
        if (typeof id === "string" && realPath.includes(id))
          for (const other of foreignIds(ids)) mutations.push({ swap: [id, other] });
      for (const mutation of mutations) {
        if (key(op) === "PUT /api/v1/matrix") ids.matrixVersion = (await admin.get("/api/v1/matrix")).body.version;
        const fresh = { body: example.body?.(ids), query: example.query?.(ids) };
        if (mutation.part)
          fresh[mutation.part] = withValue(fresh[mutation.part], mutation.path!, mutation.value) as never;
        const body = fresh.body;
        const pathname = mutation.swap ? example.path(ids).replace(...mutation.swap) : example.path(ids);
        const url = `${pathname}${toQuery((fresh.query ?? {}) as Record<string, unknown>)}`;
        const payload = body === undefined ? undefined : JSON.stringify(body);
        if (process.env.DEEP_FUZZ_LOG)
          appendFileSync(process.env.DEEP_FUZZ_LOG, `${op.method} ${url.slice(0, 300)} ${payload?.slice(0, 300)}\n`);
        const res = await t.request(url, {
          method: op.method.toUpperCase(),
          headers: { Cookie: cookie, Origin: ORIGIN, ...(payload ? { "Content-Type": "application/json" } : {}) },
          body: payload,
        });
        calls++;
        const where = `${op.method.toUpperCase()} ${url.slice(0, 200)} ${payload?.slice(0, 300) ?? ""}`;
        await checkAnswer(res, where, failures);
        if (res.status === 401) {
          cookie = await t.login();
          admin = agentClient(t, cookie);
        }
        if (res.status < 300) {
          const read = await admin.get(example.read(ids));
          if (read.status !== 200) failures.push(`read ${example.read(ids)} answered ${read.status} after ${where}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });
});
