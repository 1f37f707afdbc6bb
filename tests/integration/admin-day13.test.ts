import { describe, expect, it } from "vitest";
import { DATABASE_KINDS } from "../helpers/databases.js";
import type { AgentClient } from "../helpers/agent-client.js";
import { ticketBody, type TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

describe.each(DATABASE_KINDS)("an admin's typos in the workspace settings and the matrix on %s", (kind) => {
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ t, admin } = app));

  it("an origin spelt otherwise than browsers send it is stored as they send it, once", async () => {
    const res = await admin.patch("/api/v1/workspace", {
      allowedOrigins: ["HTTPS://App.Example.com/", "https://app.example.com:443", "http://LOCALHOST:3000/"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.allowedOrigins).toEqual(["https://app.example.com", "http://localhost:3000"]);
    // The widget's requests carry the lowercase origin: a page there files tickets now.
    const filed = await t.createTicket(ticketBody({ pageUrl: "https://app.example.com/reports" }), {
      Origin: "https://app.example.com",
    });
    expect(filed.status, await filed.text()).toBe(201);
  });

  it("an origin that cannot be one is refused saying which line and what to write instead", async () => {
    const res = await admin.patch("/api/v1/workspace", {
      allowedOrigins: ["https://app.example.com/login", "*.example.com", "app.example.org", "ftp://files.example"],
    });
    expect(res.status).toBe(422);
    const issues = res.body.error.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path)).toEqual([0, 1, 2, 3].map((i) => `allowedOrigins.${i}`));
    expect(issues.map((i) => i.message)).toEqual([
      `"https://app.example.com/login" is a page's address: an origin is only its scheme and host, https://app.example.com`,
      `"*.example.com" has no scheme: write https://*.example.com`,
      `"app.example.org" has no scheme: write https://app.example.org`,
      `"ftp://files.example" is not a web origin: only https:// and http:// pages can run the widget`,
    ]);
  });

  it("a failed-request rule whose highest status is under its lowest is refused: it could never fire", async () => {
    const current = await admin.get("/api/v1/matrix");
    const rule = {
      id: "payments-down",
      name: "Payments down",
      when: { failedRequest: { urlPatterns: ["*/api/payments/*"], statusMin: 500, statusMax: 400 } },
      then: { tier: 2 },
    };
    const res = await admin.put("/api/v1/matrix", { baseVersion: current.body.version, rules: [rule] });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      expect.objectContaining({
        path: "rules.0.when.failedRequest.statusMax",
        message: expect.stringContaining("never fire"),
      }),
    ]);
    rule.when.failedRequest.statusMax = 599;
    const saved = await admin.put("/api/v1/matrix", { baseVersion: current.body.version, rules: [rule] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
});
