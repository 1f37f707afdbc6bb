import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import { userHash } from "../helpers/agent-client.js";
import type { Database } from "../../server/db/client.js";
import { signHs256 } from "../../server/lib/jwt.js";
import { CUSTOMER_HEADERS } from "../../shared/customer-api.js";
import type { Identity } from "../../shared/context.js";

const claims = {
  sub: "u-77",
  email: "jamie@northwind.example",
  name: "Jamie Rivera",
  company: "Northwind",
  plan: "enterprise",
};
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** Re-encodes a token's payload with one claim changed, keeping the original signature: what a tamperer can do. */
function tamper(jwt: string, change: Record<string, unknown>) {
  const [header, payload, signature] = jwt.split(".");
  const body = { ...JSON.parse(Buffer.from(payload!, "base64url").toString()), ...change };
  return `${header}.${Buffer.from(JSON.stringify(body)).toString("base64url")}.${signature}`;
}

describe.each(DATABASE_KINDS)("signed identity on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
  });
  afterAll(() => database?.close());

  const sign = (extra: Record<string, unknown> = {}) =>
    signHs256({ ...claims, exp: inAnHour(), ...extra }, t.workspace.identitySecret);
  async function file(identity: Identity) {
    const res = await t.createTicket(
      ticketBody({ subject: "Production is down", description: "Nothing loads.", identity }),
    );
    expect(res.status).toBe(201);
    const { id } = await res.json();
    return (await t.request(`/api/v1/tickets/${id}`, { headers: { Cookie: cookie } })).json();
  }

  it("trusts every field a JWT signs: the console shows them verified and the signed plan routes", async () => {
    const ticket = await file({ jwt: sign() });
    expect(ticket.customer).toMatchObject({ id: "u-77", plan: "enterprise", company: "Northwind", verified: true });
    expect(ticket.customer.verifiedFields).toEqual(["id", "email", "name", "company", "plan"]);
    expect(ticket).toMatchObject({ severity: "critical", tier: 2 });
  });

  it("makes a token with any claim changed after signing unverified", async () => {
    for (const change of [
      { sub: "u-78" },
      { email: "ceo@northwind.example" },
      { name: "Someone Else" },
      { company: "Contoso" },
      { plan: "free" },
      { exp: 4_102_444_800 },
    ]) {
      const ticket = await file({ jwt: tamper(sign(), change) });
      expect(ticket.customer.verified, JSON.stringify(change)).toBe(false);
      expect(ticket.customer.verifiedFields).toEqual([]);
      expect(ticket.tier).toBe(1);
    }
  });

  it("refuses expired tokens, other secrets and alg none", async () => {
    const expired = sign({ exp: Math.floor(Date.now() / 1000) - 1 });
    const otherSecret = signHs256({ ...claims, exp: inAnHour() }, "not-the-workspace-secret");
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${sign().split(".")[1]}.`;
    for (const jwt of [expired, otherSecret, none]) expect((await file({ jwt })).customer.verified).toBe(false);
  });

  it("keeps unsigned fields unverified: shown, marked, and never routing", async () => {
    const partial = signHs256({ sub: "u-80", exp: inAnHour() }, t.workspace.identitySecret);
    const ticket = await file({ jwt: partial, plan: "enterprise", company: "Claimed Inc" });
    expect(ticket.customer).toMatchObject({ id: "u-80", plan: "enterprise", company: "Claimed Inc", verified: true });
    expect(ticket.customer.verifiedFields).toEqual(["id"]);
    expect(ticket.tier).toBe(1);
  });

  it("keeps the older userHash working for the id alone", async () => {
    const ticket = await file({
      id: "u-81",
      plan: "enterprise",
      userHash: userHash(t.workspace.identitySecret, "u-81"),
    });
    expect(ticket.customer).toMatchObject({ id: "u-81", verified: true, verifiedFields: ["id"] });
    expect(ticket.tier).toBe(1);
    const conversations = await t.request("/api/v1/widget/conversations", {
      headers: {
        Origin: CUSTOMER_ORIGIN,
        [CUSTOMER_HEADERS.siteKey]: t.workspace.siteKey,
        [CUSTOMER_HEADERS.user]: JSON.stringify({
          jwt: signHs256({ sub: "u-81", exp: inAnHour() }, t.workspace.identitySecret),
        }),
      },
    });
    expect(conversations.status).toBe(200);
    expect((await conversations.json()).conversations).toHaveLength(1);
  });

  it("tells the developer why a signature did not verify, and stores the ticket all the same", async () => {
    const warningFor = async (identity: Identity) => {
      const res = await t.createTicket(ticketBody({ subject: "Export fails", description: "Nothing.", identity }));
      expect(res.status).toBe(201);
      return ((await res.json()) as { identityWarning?: string }).identityWarning;
    };
    const expiredAt = Math.floor(Date.now() / 1000) - 60;
    expect(await warningFor({ jwt: sign({ exp: expiredAt }) })).toContain(
      `the jwt expired at ${new Date(expiredAt * 1000).toISOString()}`,
    );
    expect(await warningFor({ jwt: signHs256({ ...claims, exp: inAnHour() }, "not-the-secret") })).toContain(
      "is not signed with this site key's identity secret",
    );
    expect(await warningFor({ jwt: signHs256({ ...claims }, t.workspace.identitySecret) })).toContain("no exp claim");
    expect(await warningFor({ jwt: "not-a-token" })).toContain("is not a JWT");
    expect(await warningFor({ id: "u-82", userHash: "00ff" })).toContain("the userHash is not HMAC-SHA256");
    // Verified, or nothing to verify: no warning.
    expect(await warningFor({ jwt: sign() })).toBeUndefined();
    expect(await warningFor({ id: "u-83", email: "x@y.example" })).toBeUndefined();
  });
});
