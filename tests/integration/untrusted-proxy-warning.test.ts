import { afterAll, beforeAll, expect, test, vi } from "vitest";
import type { Database } from "../../server/db/client.js";
import { freshDatabase } from "../helpers/databases.js";
import { createTestApp, ORIGIN, type TestApp } from "../helpers/test-app.js";

// Behind the reference proxy without HANDOFF_TRUST_PROXY, the whole team's logins shared one address's budget
// (10 in 15 minutes). The operator is told, once, how to fix it; a client writing the header itself is not a proxy.
let database: Database;
let t: TestApp;
beforeAll(async () => {
  database = await freshDatabase("pglite");
  t = await createTestApp(database);
});
afterAll(() => database?.close());

const login = (address: string) =>
  t.app.request(
    `${ORIGIN}/api/v1/auth/login`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN, "X-Forwarded-For": "198.51.100.7" },
      body: JSON.stringify({ email: "someone@example.com", password: "wrong guess" }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );

test("a proxy on the private network that is not trusted is named in one warning with the fix", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  const warnings = () => warn.mock.calls.map((call) => String(call[0])).filter((m) => m.includes("X-Forwarded-For"));
  await login("203.0.113.9"); // a client on the internet that wrote the header: not a proxy
  expect(warnings()).toEqual([]);
  await login("::ffff:172.18.0.5"); // a container network's proxy
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0]).toContain("172.18.0.5");
  expect(warnings()[0]).toContain("HANDOFF_TRUST_PROXY=1");
  await login("172.18.0.5");
  expect(warnings()).toHaveLength(1);
  warn.mockRestore();
});
