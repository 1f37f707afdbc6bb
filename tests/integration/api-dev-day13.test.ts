import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import type { Database } from "../../server/db/client.js";
import type { BlobStore } from "../../server/storage/blob-store.js";
import { openBlobStore } from "../../server/storage/open-blob-store.js";
import { agentClient, type AgentClient } from "../helpers/agent-client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { ROOT } from "../helpers/paths.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { ADMIN, CUSTOMER_ORIGIN, createTestApp, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

/** A SaaS developer wiring the widget into their app and their scripts (thirteenth QA round). */
describe.each(DATABASE_KINDS)("the developer's allowed origins on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ database, t, admin } = app));

  const allow = (allowedOrigins: string[]) => admin.patch("/api/v1/workspace", { allowedOrigins });
  const fileFrom = async (origin: string) =>
    (await t.createTicket(ticketBody({ recording: { included: false } }), { Origin: origin })).status;

  it("https://*.acme.example lets every tenant's subdomain file tickets, and nothing else", async () => {
    expect(await fileFrom("https://late.acme.example")).toBe(403);
    const saved = await allow(["https://*.acme.example"]);
    expect(saved.status).toBe(200);
    expect(saved.body.allowedOrigins).toEqual(["https://*.acme.example"]);
    expect(await fileFrom("https://tenant1.acme.example")).toBe(201);
    expect(await fileFrom("https://eu.tenant2.acme.example")).toBe(201);
    // Not the apex, another scheme, another port, or a look-alike domain.
    expect(await fileFrom("https://acme.example")).toBe(403);
    expect(await fileFrom("http://tenant1.acme.example")).toBe(403);
    expect(await fileFrom("https://tenant1.acme.example:8443")).toBe(403);
    expect(await fileFrom("https://tenant1.evilacme.example")).toBe(403);
    expect(await fileFrom("https://tenant1.acme.example.evil.example")).toBe(403);
    // A page refused before the wildcard covered it is no longer listed as refused; one it does not cover is.
    const refused = (await admin.get("/api/v1/workspace")).body.refusedOrigins.map((r: { origin: string }) => r.origin);
    expect(refused).toContain("https://tenant1.acme.example:8443");
    expect(refused).not.toContain("https://late.acme.example");
  });

  it("a wildcard over a whole domain suffix, or anywhere but the first label, is refused saying how to write one", async () => {
    for (const origin of ["https://*.com", "*", "https://app.*.acme.example"]) {
      const res = await allow([origin]);
      expect(res.status).toBe(422);
      expect(res.body.error.issues).toEqual([
        {
          path: "allowedOrigins.0",
          message: `"${origin}" is not a wildcard the widget can use: write https://*.example.com for every subdomain of example.com (the * only as the first part, over a domain of two parts or more)`,
        },
      ]);
    }
  });

  it("an origin copied with capitals or its default port is stored as browsers send it, and matches", async () => {
    const saved = await allow(["HTTPS://App.Acme.Example:443/", "http://localhost:80"]);
    expect(saved.status).toBe(200);
    expect(saved.body.allowedOrigins).toEqual(["https://app.acme.example", "http://localhost"]);
    expect(await fileFrom("https://app.acme.example")).toBe(201);
  });
});

/** The operator's HANDOFF_PUBLIC_URL, as typed from a browser's address bar or a load balancer's settings. */
describe("HANDOFF_PUBLIC_URL written with capitals or the default port", () => {
  let database: Database;
  afterAll(() => database?.close());

  it("still lets the team log in to the console (the browser's Origin is lowercase, without :443)", async () => {
    database = await freshDatabase("pglite");
    const { publicUrl } = loadConfig({ HANDOFF_PUBLIC_URL: "https://Support.Acme.Example:443/" });
    expect(publicUrl).toBe("https://support.acme.example");
    const t = await createTestApp(database, { publicUrl });
    const res = await t.app.request("https://support.acme.example/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://support.acme.example" },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(200);
  });

  it("with a path is refused at start saying Handoff answers at its host's root, not taken and every login refused", () => {
    expect(() => loadConfig({ HANDOFF_PUBLIC_URL: "https://acme.example/support" })).toThrow(
      'HANDOFF_PUBLIC_URL must be the address of the host Handoff answers at the root of, like https://support.example.com, without a path, got "https://acme.example/support"',
    );
  });
});

/** The operator's bucket deleted (or renamed) while the servers run: the customers' files wait, they are not lost. */
describe("a bucket that went away under a running server", () => {
  let database: Database;
  let s3: TestS3;
  let store: BlobStore;
  afterAll(async () => {
    await store?.close();
    await Promise.all([database?.close(), s3?.close()]);
  });

  it("answers the customer's files 503 with Retry-After (the widget sends them again), not 500", async () => {
    [database, s3] = await Promise.all([freshDatabase("pglite"), startS3()]);
    store = openBlobStore(
      { s3: { ...s3.settings, bucket: "handoff-deleted" } },
      { db: database.db, dataDir: undefined, sharedDatabase: true },
    );
    const t = await createTestApp(database, {}, store);
    const ticket = (await (await t.createTicket(ticketBody())).json()) as { id: string; uploadToken: string };
    const auth = { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` };
    const recording = await t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
      method: "PUT",
      headers: auth,
      body: gzipSync(JSON.stringify(sampleEvents())) as unknown as BodyInit,
    });
    const file = await t.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=notes.txt`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "text/plain" },
      body: "what I clicked",
    });
    for (const res of [recording, file]) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    }
  });
});

/** README's identity signing sample, run as a developer pastes it into their backend. */
describe("the README's identify() signing sample", () => {
  let database: Database;
  afterAll(() => database?.close());

  it("signs a jwt the server verifies; the same code with another secret leaves the customer unverified", async () => {
    const readme = readFileSync(`${ROOT}README.md`, "utf8");
    const sample = /```js\n(import \{ createHmac \} from "node:crypto";\n[\s\S]*?)```/.exec(readme)?.[1];
    expect(sample).toBeDefined();
    const signer = new Function(
      "createHmac",
      "user",
      "process",
      `${sample!.replace(/^import .*\n/, "")}\nreturn jwt;`,
    ) as (hmac: typeof createHmac, user: object, proc: { env: Record<string, string> }) => string;
    const user = { id: "u-1042", email: "jamie@northwind.example", name: "Jamie Rivera" };

    database = await freshDatabase("pglite");
    const t = await createTestApp(database);
    const cookie = await t.login();
    const file = async (secret: string) => {
      const jwt = signer(createHmac, user, { env: { HANDOFF_IDENTITY_SECRET: secret } });
      const created = await (await t.createTicket(ticketBody({ identity: { jwt } }))).json();
      const ticket = await (await t.request(`/api/v1/tickets/${created.id}`, { headers: { Cookie: cookie } })).json();
      return { created, customer: ticket.customer };
    };
    const signed = await file(t.workspace.identitySecret);
    expect(signed.created.identityWarning).toBeUndefined();
    expect(signed.customer).toMatchObject({ id: "u-1042", verified: true });
    expect(signed.customer.verifiedFields).toEqual(["id", "email", "name"]);
    const wrong = await file("not-the-workspace-secret");
    expect(wrong.customer.verified).toBe(false);
    expect(wrong.created.identityWarning).toContain("the jwt is not signed with");
  });
});

/** The reference deployment's health checks, run as Docker runs them in a container started with its own PORT. */
describe("the Dockerfile's and compose file's health checks", () => {
  it("ask the server on the PORT it listens on (docker run -e PORT=8080), not on 3000", async () => {
    const dockerfile = readFileSync(`${ROOT}Dockerfile`, "utf8");
    const compose = readFileSync(`${ROOT}deploy/compose.yaml`, "utf8");
    const checks = [
      /^HEALTHCHECK .* CMD node -e "(.*)"$/m.exec(dockerfile)?.[1],
      /^\s+"(fetch\(.*\/readyz.*)",?$/m.exec(compose)?.[1],
    ];
    const server = createServer((req, res) =>
      res.writeHead(req.url === "/healthz" || req.url === "/readyz" ? 200 : 404).end(),
    );
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const port = String((server.address() as AddressInfo).port);
    try {
      for (const check of checks) {
        expect(check).toBeDefined();
        const run = spawn(process.execPath, ["-e", check!], { env: { ...process.env, PORT: port }, stdio: "ignore" });
        expect(await new Promise((done) => run.once("exit", done))).toBe(0);
      }
    } finally {
      server.close();
    }
  });
});

describe("GET /metrics with HANDOFF_METRICS_TOKEN set", () => {
  let database: Database;
  afterAll(() => database?.close());

  it("refuses a scrape without the token with the one error body (and its request id), and serves one with it", async () => {
    database = await freshDatabase("pglite");
    const t = await createTestApp(database, { metricsToken: "scrape-secret" });
    const refused = await t.request("/metrics", { headers: { Authorization: "Bearer wrong" } });
    expect(refused.status).toBe(401);
    const body = await refused.json();
    expect(body.error).toMatchObject({ code: "unauthorized", requestId: refused.headers.get("x-request-id") });
    expect(body.error.message).toContain("HANDOFF_METRICS_TOKEN");
    const scraped = await t.request("/metrics", { headers: { Authorization: "Bearer scrape-secret" } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("handoff_http_requests_total");
  });
});

describe("a script's body or value the API does not take", () => {
  let database: Database;
  afterAll(() => database?.close());

  it("says what it takes in the script author's words, not zod's", async () => {
    database = await freshDatabase("pglite");
    const t = await createTestApp(database);
    const admin = agentClient(t, await t.login());
    const list = await admin.post("/api/v1/tokens", [{ name: "CI", scopes: ["tickets:read"] }]);
    expect(list.status).toBe(422);
    expect(list.body.error.issues).toEqual([{ path: "", message: "the body must be a JSON object ({ … })" }]);
    const status = await admin.get("/api/v1/tickets?status=opn");
    expect(status.body.error.issues).toEqual([
      { path: "status", message: "one of open, pending, escalated, resolved, closed" },
    ]);
  });
});
