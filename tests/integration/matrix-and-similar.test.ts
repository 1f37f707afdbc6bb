import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import type { Database } from "../../server/db/client.js";
import { messages, tickets } from "../../server/db/schema.js";
import { DEFAULT_MATRIX_RULES } from "../../shared/default-matrix.js";

describe.each(DATABASE_KINDS)("matrix editing and similar tickets on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    admin = await t.login();
    const a = await createAgent(database.db, { workspaceId: t.workspace.id, email: "agent@example.com" });
    agent = await t.login({ email: a.email, password: AGENT_PASSWORD });
  });
  afterAll(() => database?.close());

  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    t.request(path, {
      method,
      headers: { "Content-Type": "application/json", Origin: ORIGIN, Cookie: cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("starts every workspace on the shipped defaults as version 1", async () => {
    const matrix = await (await send("GET", "/api/v1/matrix", agent)).json();
    expect(matrix).toMatchObject({ version: 1, createdBy: null });
    expect(matrix.rules.map((r: { id: string }) => r.id)).toEqual(DEFAULT_MATRIX_RULES.map((r) => r.id));
    expect(matrix.severityDefinitions.critical).toBe("Service down or data loss for the customer");
  });

  it("lets admins save a validated new version, recorded with who made it, and triage uses it", async () => {
    const rules = [
      {
        id: "mobile",
        name: "Mobile app goes to mobile",
        when: { keywordsAny: ["iphone", "android"] },
        then: { queue: "mobile", tier: 2 },
      },
      ...DEFAULT_MATRIX_RULES,
    ];
    expect((await send("PUT", "/api/v1/matrix", agent, { baseVersion: 1, rules })).status).toBe(403);
    const invalid = await send("PUT", "/api/v1/matrix", admin, {
      baseVersion: 1,
      rules: [{ id: "Bad Id", name: "", when: {}, then: { tier: 9 } }],
    });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "rules.0.id",
      "rules.0.name",
      "rules.0.then.tier",
      "rules.0.when",
    ]);
    const saved = await send("PUT", "/api/v1/matrix", admin, { baseVersion: 1, rules });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 2, createdBy: { name: "Admin" } });
    expect((await send("PUT", "/api/v1/matrix", admin, { baseVersion: 1, rules })).status).toBe(409);
    const history = await (await send("GET", "/api/v1/matrix/versions", agent)).json();
    expect(
      history.versions.map((v: { version: number; createdBy: { name: string } | null }) => [
        v.version,
        v.createdBy?.name ?? null,
      ]),
    ).toEqual([
      [2, "Admin"],
      [1, null],
    ]);

    const { id } = await (
      await t.createTicket(
        ticketBody({ subject: "iPhone app", description: "Crashes on start.", context: { metadata: {} } }),
      )
    ).json();
    const ticket = await (await send("GET", `/api/v1/tickets/${id}`, agent)).json();
    expect(ticket).toMatchObject({ queue: "mobile", tier: 2, triage: { matrixVersion: 2 } });
    expect(ticket.triage.rules[0]).toEqual({
      id: "mobile",
      name: "Mobile app goes to mobile",
      why: ['"iphone" in the subject'],
    });
  });

  it("shows up to three similar resolved tickets, same failing endpoint first, with how each was resolved", async () => {
    const resolve = async (subject: string, description: string, context: object, answer?: string) => {
      const { id } = await (await t.createTicket(ticketBody({ subject, description, context }))).json();
      await database.db.update(tickets).set({ status: "resolved", resolvedAt: new Date() }).where(eq(tickets.id, id));
      if (answer) await database.db.insert(messages).values({ ticketId: id, authorType: "agent", body: answer });
      return id as string;
    };
    const exportFailure = {
      network: [
        {
          t: 1,
          method: "POST",
          url: "https://app.customer.example/api/reports/881/export",
          status: 500,
          durationMs: 5,
        },
      ],
    };
    const sameEndpoint = await resolve(
      "Cannot download CSV",
      "Button spins forever.",
      exportFailure,
      "Fixed by clearing the export cache for the account.",
    );
    const sameWords = await resolve(
      "Export fails on reports",
      "Clicking Export on the reports page does nothing at all.",
      {},
    );
    await resolve("Change billing email", "Where do I change the invoice email?", {});
    await resolve("Dark mode please", "Feature request for dark mode.", {});

    const { id } = await (
      await t.createTicket(
        ticketBody({
          context: {
            network: [
              {
                t: 1,
                method: "POST",
                url: "https://app.customer.example/api/reports/42/export",
                status: 500,
                durationMs: 3,
              },
            ],
          },
        }),
      )
    ).json();
    const similar = (await (await send("GET", `/api/v1/tickets/${id}/similar`, agent)).json()).tickets;
    expect(similar.map((s: { id: string }) => s.id)).toEqual([sameEndpoint, sameWords]);
    expect(similar[0]).toMatchObject({
      matched: ["same failing endpoint POST /api/reports/:id/export"],
      resolution: "Fixed by clearing the export cache for the account.",
    });
    expect(similar[1]).toMatchObject({ matched: ["similar wording"], resolution: null });
  });
});
