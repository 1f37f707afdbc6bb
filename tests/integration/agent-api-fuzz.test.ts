import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../../server/db/client.js";
import { OPERATIONS } from "../../server/openapi/operations.js";
import { errorBodySchema } from "../../shared/errors.js";
import { fileTicket } from "../helpers/agent-client.js";
import { pick, prng, WEIRD } from "../helpers/fuzz.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ORIGIN, type TestApp } from "../helpers/test-app.js";

// Every agent and admin route of the API (the OpenAPI list, so a new route is fuzzed without anyone adding it here),
// called as a signed-in admin with odd path parameters, query values and bodies: bad input is a 4xx with the one
// error body, never a 5xx (a 500 is a bug the agent can do nothing about, and a sign that something half-happened).
const ROUNDS = 6;

// More than the widget's odd values: ids, references and text an agent's form or a script could send.
const ODD: unknown[] = [
  ...WEIRD,
  0,
  1.5,
  " ",
  "00000000-0000-4000-8000-000000000000",
  "HO-999999",
  "'; drop table tickets; --",
  [null],
];

const PARAMS = (ticketId: string) => [
  ticketId,
  "00000000-0000-4000-8000-000000000000",
  "HO-1",
  "HO-99999999999999999999",
  "not-a-uuid",
  "x".repeat(3000),
  "%F0%9F%98%80",
  "%00",
  "-1",
];

/** Keys of a zod object schema (unwrapping optional/default), so values can be swapped one at a time. */
function keysOf(schema: z.ZodType | undefined): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s && !(s instanceof z.ZodObject); i++) {
    const def = (s as { def?: { innerType?: unknown; in?: unknown } }).def;
    s = def?.innerType ?? def?.in;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function body(keys: string[], rand: () => number): string {
  const roll = rand();
  if (roll < 0.1) return "{";
  if (roll < 0.2) return JSON.stringify(pick(rand, ODD));
  const value: Record<string, unknown> = {};
  for (const key of keys) if (rand() < 0.7) value[key] = pick(rand, ODD);
  if (rand() < 0.2) value[`extra_${Math.floor(rand() * 9)}`] = pick(rand, ODD);
  return JSON.stringify(value);
}

// Raw, as a hand-edited or truncated link sends them (broken escapes included).
const QUERY_VALUES = [
  "",
  "-1",
  "0",
  "1e308",
  "NaN",
  "abc",
  "%00",
  "%ZZ",
  "%E0%A4%A",
  "x".repeat(500),
  "2026-13-45",
  "00000000-0000-4000-8000-000000000000",
  "HO-1",
  "[]",
  "null",
  "true",
  "a,b,,c",
  "%F0%9F%98%80",
];

function query(keys: string[], rand: () => number): string {
  const names = [...keys, "limit", "cursor", "status", "q"];
  const parts = names.filter(() => rand() < 0.5).map((k) => `${encodeURIComponent(k)}=${pick(rand, QUERY_VALUES)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

describe.each(DATABASE_KINDS)("fuzzing the agent and admin API on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  let ticketId: string;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    ticketId = (await fileTicket(t)).id;
  });
  afterAll(() => database?.close());

  it("answers odd parameters, queries and bodies on every agent and admin route with a 4xx and the error body", async () => {
    const rand = prng(20261205);
    // Routes that end the session or stream forever are called with other tests; here they would stop the run.
    const operations = OPERATIONS.filter(
      (op) =>
        (op.auth === "agent" || op.auth === "admin") &&
        op.responseType !== "text/event-stream" &&
        !/\/auth\/(logout|password)|\/me\/password/.test(op.path),
    );
    expect(operations.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let calls = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const op of operations) {
        const path = op.path.replace(/:([A-Za-z]+)/g, () => pick(rand, PARAMS(ticketId)));
        const url = `${path}${query(keysOf(op.query), rand)}`;
        const hasBody = op.method !== "get" && op.method !== "delete";
        const payload = hasBody ? body(keysOf(op.body), rand) : undefined;
        const res = await t.request(url, {
          method: op.method.toUpperCase(),
          headers: { Cookie: cookie, Origin: ORIGIN, ...(hasBody ? { "Content-Type": "application/json" } : {}) },
          body: payload,
        });
        calls++;
        const text = await res.text();
        const where = `${op.method.toUpperCase()} ${url.slice(0, 160)} ${payload?.slice(0, 200) ?? ""}`;
        if (res.status >= 500) failures.push(`${res.status} ${where}: ${text.slice(0, 300)}`);
        else if (res.status >= 400 && res.headers.get("content-type")?.includes("json")) {
          const parsed = errorBodySchema.safeParse(JSON.parse(text));
          if (!parsed.success) failures.push(`${res.status} without the error body ${where}: ${text.slice(0, 200)}`);
        }
        if (res.status === 401) cookie = await t.login(); // a route that changed the session: sign in again
      }
    }
    expect(calls).toBeGreaterThan(240);
    expect(failures).toEqual([]);
  });
});
