import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { rowsOf } from "../../server/lib/rows-of.js";
import { refreshTicketFacts } from "../../server/services/metrics/refresh-ticket-facts.js";
import { runRetentionSweep } from "../../server/services/privacy/run-retention-sweep.js";
import { type BlobStore, readAll } from "../../server/storage/blob-store.js";
import { s3BlobStore } from "../../server/storage/s3-store.js";
import { otherWorkspace } from "../helpers/agent-client.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, sampleEvents, ticketBody, type TestApp } from "../helpers/test-app.js";
import { untarGz } from "../helpers/untar.js";

/** Strings that exist only in Erin's data: none may survive her erasure, in any table or object. */
const ERIN = {
  email: "erin.okafor@personal.example",
  name: "Erin Okafor-Zebulon",
  userId: "user-erin-7731",
  subject: "Invoice QUOKKA-4410 is wrong",
  description: "My card ending 4242 was charged twice, see NARWHAL-ref",
  page: "/billing/NARWHAL-path",
  reply: "Here is the IBEX-screenshot you asked for",
  recording: "OKAPI-typed-into-the-form",
  attachment: "AXOLOTL-bank-statement",
};
const KEEP = { email: "kai@keep.example", subject: "Keep this PELICAN ticket" };

describe.each(DATABASE_KINDS)("erasure, export, deletion and retention on %s with S3", (kind) => {
  let database: Database;
  let s3: TestS3;
  let blobs: BlobStore;
  let t: TestApp;
  let cookie: string;
  const json = (method: string, path: string, body?: unknown) =>
    t.request(path, {
      method,
      headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    [database, s3] = await Promise.all([freshDatabase(kind), startS3()]);
    blobs = s3BlobStore(s3.settings);
    t = await createTestApp(database, {}, blobs);
    cookie = await t.login();
  });
  afterAll(async () => {
    await blobs?.close();
    await Promise.all([database?.close(), s3?.close()]);
  });

  async function fileTicket(
    overrides: Parameters<typeof ticketBody>[0],
    marker: string,
    token: string,
    attachmentMarker = marker,
  ) {
    const res = await t.createTicket(ticketBody(overrides), { "X-Handoff-Customer": token });
    const ticket = (await res.json()) as { id: string; uploadToken: string; reference: string };
    const events = sampleEvents();
    (events[2]!.data as Record<string, unknown>).text = marker;
    const auth = { Origin: CUSTOMER_ORIGIN, Authorization: `Bearer ${ticket.uploadToken}` };
    const rec = await t.request(`/api/v1/widget/tickets/${ticket.id}/recording`, {
      method: "PUT",
      headers: auth,
      body: gzipSync(JSON.stringify(events)) as unknown as BodyInit,
    });
    expect(rec.status).toBe(204);
    const file = await t.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=statement.txt`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "text/plain" },
      body: `statement ${attachmentMarker}`,
    });
    expect(file.status).toBe(201);
    return ticket;
  }

  async function scanDatabase(): Promise<string> {
    const tables = rowsOf<{ name: string }>(
      await database.db.execute(
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    let text = "";
    for (const { name } of tables) {
      const rows = rowsOf<{ row: string }>(
        await database.db.execute(sql.raw(`select t::text as row from "${name}" t`)),
      );
      text += rows.map((r) => r.row).join("\n");
    }
    return text.toLowerCase();
  }

  function scanBucket(dir = s3.directory): string {
    let text = "";
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        text += scanBucket(path);
        continue;
      }
      // Recordings are stored gzip-compressed: scan what they say, not their compressed bytes.
      const bytes = readFileSync(path);
      text += (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("latin1");
    }
    return text.toLowerCase();
  }

  let erin: { id: string; reference: string };
  it("exports one customer's data as JSON plus their files", async () => {
    erin = await fileTicket(
      {
        email: ERIN.email,
        name: ERIN.name,
        subject: ERIN.subject,
        description: ERIN.description,
        pageUrl: `https://app.customer.example${ERIN.page}`,
      },
      ERIN.recording,
      "erin-browser-token-0123456789",
      ERIN.attachment,
    );
    await fileTicket({ email: KEEP.email, subject: KEEP.subject }, "PELICAN-recording", "kai-browser-token-0123456789");
    const reply = await t.request(`/api/v1/widget/tickets/${erin.id}/messages`, {
      method: "POST",
      headers: {
        Origin: CUSTOMER_ORIGIN,
        "Content-Type": "application/json",
        "X-Handoff-Key": t.workspace.siteKey,
        "X-Handoff-Customer": "erin-browser-token-0123456789",
      },
      body: JSON.stringify({ body: ERIN.reply }),
    });
    expect(reply.status).toBe(201);
    expect((await json("POST", `/api/v1/tickets/${erin.id}/messages`, { body: `Thanks ${ERIN.name}` })).status).toBe(
      201,
    );
    await refreshTicketFacts(database.db, { workspaceId: t.workspace.id });

    const res = await json("POST", "/api/v1/privacy/export", { email: ERIN.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="customer-export-/);
    const files = untarGz(Buffer.from(await res.arrayBuffer()));
    const doc = JSON.parse(files.get("customer.json")!.toString());
    expect(doc.tickets).toHaveLength(1);
    expect(doc.tickets[0]).toMatchObject({ subject: ERIN.subject, email: ERIN.email, name: ERIN.name });
    expect(doc.tickets[0].messages.map((m: { body: string }) => m.body)).toContain(ERIN.reply);
    const attachmentPath = doc.tickets[0].attachments[0].path;
    expect(files.get(attachmentPath)!.toString()).toBe(`statement ${ERIN.attachment}`);
    expect(files.has(doc.tickets[0].recording)).toBe(true);
  });

  it("erasing a customer leaves none of their data in any table or object, and keeps the counts", async () => {
    const before = await scanDatabase();
    for (const value of [ERIN.email, ERIN.name, ERIN.subject, ERIN.reply])
      expect(before).toContain(value.toLowerCase());
    expect(scanBucket()).toContain(ERIN.recording.toLowerCase());

    const res = await json("POST", "/api/v1/privacy/erase", { email: ERIN.email });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tickets: 1, messages: 2, recordings: 1, attachments: 1 });

    const after = await scanDatabase();
    const bucket = scanBucket();
    for (const value of Object.values(ERIN)) {
      expect(after).not.toContain(value.toLowerCase());
      expect(bucket).not.toContain(value.toLowerCase());
    }
    // The scan would have seen them: the other customer's data is all still there.
    expect(after).toContain(KEEP.email);
    expect(bucket).toContain("pelican-recording");

    const detail = await (await json("GET", `/api/v1/tickets/${erin.id}`)).json();
    expect(detail).toMatchObject({ reference: erin.reference, subject: "[erased]" });
    const facts = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from ticket_facts`));
    expect(facts[0]!.n).toBe(2);
    const audit = await (await json("GET", "/api/v1/privacy/audit")).json();
    expect(audit.entries[0]).toMatchObject({
      action: "customer_erased",
      details: { tickets: 1, references: [erin.reference] },
    });
  });

  it("an admin deletes one ticket with its files", async () => {
    const ticket = await fileTicket({ email: "del@example.com" }, "DELETE-ME", "del-browser-token-0123456789");
    expect(await blobs.list(`ws/${t.workspace.id}/tickets/${ticket.id}/`)).toHaveLength(2);
    expect((await json("DELETE", `/api/v1/tickets/${ticket.id}`)).status).toBe(204);
    expect((await json("GET", `/api/v1/tickets/${ticket.id}`)).status).toBe(404);
    expect(await blobs.list(`ws/${t.workspace.id}/tickets/${ticket.id}/`)).toEqual([]);
  });

  it("the retention sweep deletes old recordings and anonymises old closed tickets, once across concurrent runs", async () => {
    expect(await (await json("GET", "/api/v1/privacy/retention")).json()).toEqual({
      recordingDays: 90,
      anonymiseClosedAfterDays: null,
    });
    const old = await fileTicket(
      { email: "old@example.com", subject: "Old SEAL ticket" },
      "SEAL-rec",
      "old-browser-token-0123456789",
    );
    const closed = await fileTicket(
      { email: "closed@example.com", subject: "Closed HERON ticket" },
      "HERON-rec",
      "closed-browser-token-012345",
    );
    await database.db.execute(
      sql`update recordings set created_at = now() - interval '31 days' where ticket_id = ${old.id}`,
    );
    await database.db.execute(
      sql`update tickets set status = 'closed', updated_at = now() - interval '61 days' where id = ${closed.id}`,
    );
    const settings = { recordingDays: 30, anonymiseClosedAfterDays: 60 };
    expect(await (await json("PUT", "/api/v1/privacy/retention", settings)).json()).toEqual(settings);

    const runs = await Promise.all([1, 2, 3].map(() => json("POST", "/api/v1/privacy/retention/run")));
    const results = await Promise.all(runs.map((r) => r.json()));
    // The old recording by recording retention; the closed ticket's goes with its anonymisation.
    expect(results.reduce((n, r) => n + r.recordingsDeleted, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.ticketsAnonymised, 0)).toBe(1);

    expect((await json("GET", `/api/v1/tickets/${old.id}/recording`)).status).toBe(404);
    expect(await blobs.list(`ws/${t.workspace.id}/tickets/${old.id}/`)).toHaveLength(1);
    expect(await blobs.list(`ws/${t.workspace.id}/tickets/${closed.id}/`)).toEqual([]);
    const scan = await scanDatabase();
    expect(scan).not.toContain("closed@example.com");
    expect(scan).toContain("old seal ticket");
    const again = await (await json("POST", "/api/v1/privacy/retention/run")).json();
    expect(again).toMatchObject({ recordingsDeleted: 0, ticketsAnonymised: 0 });
    // Run from Admin ("Apply retention now"): the audit names the admin, not "automatic".
    const audit = (await (await json("GET", "/api/v1/privacy/audit")).json()) as {
      entries: { action: string; actorName: string | null }[];
    };
    const swept = audit.entries.filter((e) => e.action === "recordings_expired" || e.action === "tickets_anonymised");
    expect(swept.map((e) => e.action).sort()).toEqual(["recordings_expired", "tickets_anonymised"]);
    expect(swept.every((e) => e.actorName !== null)).toBe(true);
  });

  it("an admin's Apply retention now sweeps their own workspace only; the hourly sweep does every workspace", async () => {
    const aged = await fileTicket(
      { email: "aged@example.com", subject: "Aged MOOSE ticket" },
      "MOOSE-rec",
      "aged-browser-token-0123456789",
    );
    await database.db.execute(
      sql`update recordings set created_at = now() - interval '400 days' where ticket_id = ${aged.id}`,
    );
    const neighbour = await otherWorkspace(t, "neighbour");
    const run = await t.request("/api/v1/privacy/retention/run", {
      method: "POST",
      headers: { Cookie: neighbour.cookie, Origin: ORIGIN },
    });
    expect(await run.json()).toMatchObject({ recordingsDeleted: 0, ticketsAnonymised: 0 });
    expect((await json("GET", `/api/v1/tickets/${aged.id}/recording`)).status).toBe(200);

    expect(await runRetentionSweep(database.db, blobs)).toMatchObject({ recordingsDeleted: 1 });
    expect((await json("GET", `/api/v1/tickets/${aged.id}/recording`)).status).toBe(404);
  });

  it("only admins reach the privacy routes", async () => {
    expect((await t.request("/api/v1/privacy/retention")).status).toBe(401);
    const stream = await blobs.get("ws/none");
    expect(stream && (await readAll(stream))).toBeNull();
  });
});
