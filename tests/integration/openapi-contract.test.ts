import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { OPERATIONS } from "../../server/openapi/operations.js";
import { errorBodySchema } from "../../shared/errors.js";
import { agentClient, fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, type TestApp } from "../helpers/test-app.js";

const toOpenApi = (path: string) => path.replace(/:([A-Za-z]+)/g, "{$1}");

describe.each(DATABASE_KINDS)("the OpenAPI contract on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  let doc: { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    admin = agentClient(t, await t.login());
    const res = await t.request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    doc = await res.json();
  });
  afterAll(() => database?.close());

  it("documents every API route the app serves, and nothing it does not", () => {
    expect(doc.openapi).toBe("3.1.0");
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL" && r.method !== "OPTIONS")
        .filter((r) => r.path !== "/api/v1/openapi.json")
        .map((r) => `${r.method.toLowerCase()} ${toOpenApi(r.path)}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)),
    );
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods))
        expect(Object.keys(op.responses).some((c) => Number(c) >= 400)).toBe(true);
    }
  });

  it("shows every route on the reference page", async () => {
    const res = await t.request("/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const path of Object.keys(doc.paths)) expect(html).toContain(path);
  });

  /** The real answer matches the schema the document was generated from. */
  async function conforms(method: string, path: string, status: number, body: unknown) {
    const op = OPERATIONS.find(
      (o) => o.method === method && new RegExp(`^${o.path.replace(/:[A-Za-z]+/g, "[^/]+")}$`).test(path.split("?")[0]!),
    );
    expect(op, `${method} ${path} is documented`).toBeDefined();
    expect(status).toBe(op!.status ?? 200);
    if (op!.response) {
      const parsed = op!.response.safeParse(body);
      expect(parsed.success, `${method} ${path}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  }

  it("answers as documented: the agent API, tokens and the widget's conversation routes", async () => {
    const customer = { "X-Handoff-Customer": "browser-token-contract-0001" };
    const ticket = await fileTicket(t, { subject: "Contract" }, customer);
    const calls: [string, string, unknown?][] = [
      ["get", "/api/v1/auth/me"],
      ["get", "/api/v1/tickets"],
      ["get", `/api/v1/tickets/${ticket.id}`],
      ["patch", `/api/v1/tickets/${ticket.id}`, { severity: "high" }],
      ["post", `/api/v1/tickets/${ticket.id}/messages`, { body: "Looking into it", internal: false }],
      ["get", `/api/v1/tickets/${ticket.id}/messages`],
      ["get", `/api/v1/tickets/${ticket.id}/events`],
      ["get", `/api/v1/tickets/${ticket.id}/escalations`],
      ["get", "/api/v1/agents"],
      ["get", "/api/v1/matrix"],
      ["get", "/api/v1/matrix/queues"],
      ["get", "/api/v1/workspace"],
      ["post", "/api/v1/tokens", { name: "Contract", scopes: ["tickets:read"] }],
      ["get", "/api/v1/tokens"],
    ];
    for (const [method, path, body] of calls) {
      const res =
        method === "get"
          ? await admin.get(path)
          : method === "patch"
            ? await admin.patch(path, body)
            : await admin.post(path, body);
      await conforms(method, path, res.status, res.body);
    }
    for (const path of [
      "/api/v1/widget/conversations",
      "/api/v1/widget/updates",
      `/api/v1/widget/tickets/${ticket.id}/messages`,
    ]) {
      const res = await t.request(path, {
        headers: { Origin: CUSTOMER_ORIGIN, "X-Handoff-Key": t.workspace.siteKey, ...customer },
      });
      await conforms("get", path, res.status, await res.json());
    }
  });

  it("answers errors with the one documented error body", async () => {
    for (const res of [
      await t.request("/api/v1/tickets"),
      await admin.post("/api/v1/tokens", { name: "", scopes: [] }),
      await admin.get("/api/v1/tickets/00000000-0000-4000-8000-000000000000"),
    ]) {
      const body = res instanceof Response ? await res.json() : res.body;
      expect(errorBodySchema.safeParse(body).success).toBe(true);
    }
  });
});
