import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { replayAssetPolicy } from "../../server/access/replay-asset-policy.js";

describe.each(DATABASE_KINDS)("the replay's asset policy on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
  });
  afterAll(() => database?.close());

  it("comes with every recording: the workspace's allowed origins and this server, nothing else, no scripts", async () => {
    const ticket = (await (await t.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
    const put = await t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
      method: "PUT",
      headers: { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` },
      body: gzipSync(JSON.stringify(sampleEvents())) as unknown as BodyInit,
    });
    expect(put.status).toBe(204);
    const res = await t.request(`/api/v1/tickets/${ticket.id}/recording`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const policy = res.headers.get("handoff-replay-policy") ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`img-src 'self' ${CUSTOMER_ORIGIN} data: blob:`);
    expect(policy).toContain("script-src 'none'");
    expect(policy).not.toMatch(/\*|https?:(?!\/\/app\.customer\.example)/);

    // An admin widening the allowed origins widens what the next replay may load.
    const patch = await t.request("/api/v1/workspace", {
      method: "PATCH",
      headers: { Cookie: cookie, Origin: "http://localhost", "Content-Type": "application/json" },
      body: JSON.stringify({ allowedOrigins: [CUSTOMER_ORIGIN, "https://cdn.customer.example"] }),
    });
    expect(patch.status).toBe(200);
    const again = await t.request(`/api/v1/tickets/${ticket.id}/recording`, { headers: { Cookie: cookie } });
    expect(again.headers.get("handoff-replay-policy")).toContain("https://cdn.customer.example");
  });

  it("never lets a stored origin smuggle a directive or a wildcard into the policy", () => {
    const policy = replayAssetPolicy(["https://ok.example", "https://x.example; script-src *", "*", "http://a b"]);
    expect(policy).toContain("https://ok.example");
    expect(policy).not.toContain("script-src *");
    expect(policy).not.toContain(" * ");
    expect(policy).not.toContain("a b");
  });

  it("sends the console under a frame-src that keeps a replay's frame from being navigated away", async () => {
    const csp = (await t.request("/console/")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-src 'self'");
  });
});
