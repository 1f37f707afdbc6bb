import { hmacHex } from "../../server/lib/crypto.js";
import { ensureDemoWorkspace } from "../../server/services/workspace/ensure-demo-workspace.js";
import { CUSTOMER_ORIGIN, ORIGIN, ticketBody, type TestApp } from "./test-app.js";

/** JSON calls as a signed-in agent (session cookie + same Origin, as the console sends them). */
export function agentClient(t: TestApp, cookie: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await t.request(path, {
      method,
      headers: {
        Cookie: cookie,
        Origin: ORIGIN,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body: unknown) => call("POST", path, body),
    patch: (path: string, body: unknown) => call("PATCH", path, body),
    put: (path: string, body: unknown) => call("PUT", path, body),
    delete: (path: string) => call("DELETE", path),
  };
}
export type AgentClient = ReturnType<typeof agentClient>;

/** A second workspace with its own admin, to prove nothing crosses over. */
export async function otherWorkspace(t: TestApp, suffix = "other") {
  const email = `${suffix}-admin@example.com`;
  const password = "another long password";
  const { workspace } = await ensureDemoWorkspace(t.database.db, {
    siteKey: `pk_${suffix}`,
    allowedOrigins: [CUSTOMER_ORIGIN],
    adminEmail: email,
    adminPassword: password,
  });
  const cookie = await t.login({ email, password });
  return { workspace, cookie, client: agentClient(t, cookie) };
}

/** Files a ticket and returns its id; `headers` carry the customer token or anything else the widget sends. */
export async function fileTicket(
  t: TestApp,
  overrides: Parameters<typeof ticketBody>[0] = {},
  headers: Record<string, string> = {},
) {
  const res = await t.createTicket(ticketBody({ recording: { included: false }, ...overrides }), headers);
  if (res.status !== 201) throw new Error(`ticket not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; reference: string };
}

export const userHash = (secret: string, id: string) => hmacHex(secret, id);
