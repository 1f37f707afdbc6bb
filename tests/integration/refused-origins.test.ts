import { describe, expect, it } from "vitest";
import { REFUSED_ORIGINS_KEPT } from "../../server/services/workspace/record-refused-origin.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { agentClient, otherWorkspace, type AgentClient } from "../helpers/agent-client.js";
import { CUSTOMER_ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

interface Refused {
  origin: string;
  refusals: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * A developer pastes the script tag on a page whose origin nobody allowed: the tickets are refused (403), and the
 * admin sees that origin in the workspace settings, can allow it, and the next ticket from it arrives.
 */
describe.each(DATABASE_KINDS)("refused widget origins on %s", (kind) => {
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ t, admin } = app));

  const file = (origin: string, siteKey = t.workspace.siteKey) =>
    t.request("/api/v1/widget/tickets", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: origin, "X-Handoff-Key": siteKey },
      body: JSON.stringify(ticketBody({ recording: { included: false } })),
    });
  const refused = async (client = admin) => (await client.get("/api/v1/workspace")).body.refusedOrigins as Refused[];

  it("lists an origin whose tickets were refused until an admin allows it; then its tickets arrive", async () => {
    const origin = "https://new-app.example.com";
    expect(await refused()).toEqual([]);
    const first = await file(origin);
    expect(first.status).toBe(403);
    expect((await first.json()).error.message).toContain("https://new-app.example.com is not allowed");
    const listed = await refused();
    expect(listed.map((r) => r.origin)).toEqual([origin]);
    expect(listed[0]!.refusals).toBe(1);
    expect(Date.parse(listed[0]!.lastSeenAt)).toBeGreaterThan(Date.now() - 60_000);

    // The allowed ones and the server's own origin are never listed.
    expect((await file(CUSTOMER_ORIGIN)).status).toBe(201);
    expect((await refused()).map((r) => r.origin)).toEqual([origin]);

    const allowed = await admin.patch("/api/v1/workspace", { allowedOrigins: [CUSTOMER_ORIGIN, origin] });
    expect(allowed.status).toBe(200);
    expect(allowed.body.refusedOrigins).toEqual([]);
    expect((await file(origin)).status).toBe(201);
  });

  it("counts refusals made in quick succession in the next write, and lists a page opened from a file", async () => {
    const origin = "http://127.0.0.1:8080";
    for (let i = 0; i < 3; i++) expect((await file(origin)).status).toBe(403);
    const fromFile = await file("null");
    expect(fromFile.status).toBe(403);
    // "null" cannot be allowed: the developer is told to serve the page from an origin, not to allow "null".
    const { message } = (await fromFile.json()).error;
    expect(message).toContain("opened from a file");
    expect(message).not.toContain("add it to the workspace's allowed origins");
    const listed = await refused();
    expect(listed.map((r) => r.origin)).toEqual(["null", origin]);
    // Written at once for the first; the two that came within 10 s wait for the next write.
    expect(listed.find((r) => r.origin === origin)!.refusals).toBe(1);
  });

  it("keeps only the most recent refused origins, ignores what is not an origin, and shows none to other workspaces", async () => {
    for (let i = 0; i < REFUSED_ORIGINS_KEPT + 5; i++) {
      expect((await file(`https://spam-${i}.example`)).status).toBe(403);
    }
    expect((await file(`https://${"x".repeat(400)}.example`)).status).toBe(403);
    expect((await file("not an origin at all")).status).toBe(403);
    const listed = await refused();
    expect(listed).toHaveLength(REFUSED_ORIGINS_KEPT);
    expect(listed[0]!.origin).toBe(`https://spam-${REFUSED_ORIGINS_KEPT + 4}.example`);
    expect(listed.some((r) => r.origin === "https://spam-0.example")).toBe(false);

    const other = await otherWorkspace(t);
    expect(await refused(other.client)).toEqual([]);
  });

  it("is for admins only, like the rest of the widget settings", async () => {
    await admin.post("/api/v1/agents", { email: "kim@example.com", name: "Kim", password: "kims password 1" });
    const kim = agentClient(t, await t.login({ email: "kim@example.com", password: "kims password 1" }));
    expect((await kim.get("/api/v1/workspace")).status).toBe(403);
  });
});
