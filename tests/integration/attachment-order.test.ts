import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import type { Attachment } from "../../shared/attachments.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import { untarGz } from "../helpers/untar.js";

const CUSTOMER_TOKEN = "browser-token-order-0123456789";

/**
 * The widget uploads the form's files in parallel, so they reach the server in whatever order they finish: the agent
 * and the customer must still see them in the order the customer picked them, before anything attached later.
 */
describe.each(DATABASE_KINDS)("attachment order on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  let ticket: { id: string; uploadToken: string };
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    const res = await t.createTicket(ticketBody(), { "X-Handoff-Customer": CUSTOMER_TOKEN });
    ticket = (await res.json()) as typeof ticket;
  });
  afterAll(async () => {
    await database?.close();
  });

  const customer = () => ({ "X-Handoff-Key": t.workspace.siteKey, "X-Handoff-Customer": CUSTOMER_TOKEN });
  const text = (s: string) => Buffer.from(s) as unknown as BodyInit;
  const formUpload = (name: string, position: string) =>
    t.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=${name}&position=${position}`, {
      method: "POST",
      headers: { Origin: CUSTOMER_ORIGIN, "Content-Type": "text/plain", Authorization: `Bearer ${ticket.uploadToken}` },
      body: text(name),
    });
  const agentUpload = (name: string) =>
    t.request(`/api/v1/tickets/${ticket.id}/attachments?filename=${name}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "text/plain" },
      body: text(name),
    });
  const names = (body: unknown) => (body as { attachments: Attachment[] }).attachments.map((a) => a.filename);

  it("the form's files keep the customer's order whatever order they finish in; later files follow", async () => {
    // Picked as 1-invoice, 2-error, 3-steps; the big first one finishes last. An agent's file arrives meanwhile.
    expect((await formUpload("3-steps.txt", "2")).status).toBe(201);
    expect((await agentUpload("agent-a.txt")).status).toBe(201);
    expect((await formUpload("2-error.txt", "1")).status).toBe(201);
    expect((await formUpload("1-invoice.txt", "0")).status).toBe(201);
    // Then the agent's reply with two files, and the customer's answer with one.
    expect((await agentUpload("agent-b.txt")).status).toBe(201);
    expect((await agentUpload("agent-c.txt")).status).toBe(201);
    const reply = await t.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=reply.txt&position=0`, {
      method: "POST",
      headers: { Origin: CUSTOMER_ORIGIN, "Content-Type": "text/plain", ...customer() },
      body: text("reply"),
    });
    expect(reply.status).toBe(201);

    const expected = [
      "1-invoice.txt",
      "2-error.txt",
      "3-steps.txt",
      "agent-a.txt",
      "agent-b.txt",
      "agent-c.txt",
      "reply.txt",
    ];
    const agentList = await t.request(`/api/v1/tickets/${ticket.id}/attachments`, { headers: { Cookie: cookie } });
    expect(names(await agentList.json())).toEqual(expected);
    const customerList = await t.request(`/api/v1/widget/tickets/${ticket.id}/attachments`, {
      headers: { Origin: CUSTOMER_ORIGIN, ...customer() },
    });
    expect(names(await customerList.json())).toEqual(expected);

    // A customer's data export (an access request) lists them in the same order.
    const exported = await t.request("/api/v1/privacy/export", {
      method: "POST",
      headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify({ email: ticketBody().email }),
    });
    expect(exported.status).toBe(200);
    const doc = JSON.parse(
      untarGz(Buffer.from(await exported.arrayBuffer()))
        .get("customer.json")!
        .toString(),
    );
    expect(doc.tickets[0].attachments.map((a: { filename: string }) => a.filename)).toEqual(expected);
  });

  it("a position that is not a place in a pick is refused, and nothing is kept", async () => {
    for (const bad of ["-1", "1.5", "x", "100000"]) expect((await formUpload("bad.txt", bad)).status).toBe(400);
    const list = await t.request(`/api/v1/tickets/${ticket.id}/attachments`, { headers: { Cookie: cookie } });
    expect(names(await list.json())).not.toContain("bad.txt");
  });
});
