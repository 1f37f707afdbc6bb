import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import type { BlobStore } from "../../server/storage/blob-store.js";
import { s3BlobStore } from "../../server/storage/s3-store.js";
import { ATTACHMENT_LIMITS, type Attachment } from "../../shared/attachments.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { startS3, type TestS3 } from "../helpers/s3.js";
import { createTestApp, CUSTOMER_ORIGIN, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";

/** A real 1x1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const CUSTOMER_TOKEN = "browser-token-0123456789abcdef";

describe.each(DATABASE_KINDS)("attachments on %s with S3", (kind) => {
  let database: Database;
  let s3: TestS3;
  let blobs: BlobStore;
  let t: TestApp;
  let cookie: string;
  let ticket: { id: string; uploadToken: string };
  beforeAll(async () => {
    [database, s3] = await Promise.all([freshDatabase(kind), startS3()]);
    blobs = s3BlobStore(s3.settings);
    t = await createTestApp(database, {}, blobs);
    cookie = await t.login();
    const res = await t.createTicket(ticketBody(), { "X-Handoff-Customer": CUSTOMER_TOKEN });
    ticket = (await res.json()) as typeof ticket;
  });
  afterAll(async () => {
    await blobs?.close();
    await Promise.all([database?.close(), s3?.close()]);
  });

  const widgetUpload = (body: Uint8Array, type: string, name: string, headers: Record<string, string>) =>
    t.request(`/api/v1/widget/tickets/${ticket.id}/attachments?filename=${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { Origin: CUSTOMER_ORIGIN, "Content-Type": type, ...headers },
      body: body as unknown as BodyInit,
    });
  const withToken = { Authorization: "" };
  const agentGet = (path: string) =>
    t.request(`/api/v1/tickets/${ticket.id}/attachments${path}`, { headers: { Cookie: cookie } });

  it("a customer attaches a screenshot while filing and the agent sees it inline", async () => {
    withToken.Authorization = `Bearer ${ticket.uploadToken}`;
    const res = await widgetUpload(PNG, "image/png", "screen shot.png", withToken);
    expect(res.status).toBe(201);
    const attachment = (await res.json()) as Attachment;
    expect(attachment).toMatchObject({
      filename: "screen shot.png",
      contentType: "image/png",
      inline: true,
      authorType: "customer",
    });

    const list = (await (await agentGet("")).json()) as { attachments: Attachment[] };
    expect(list.attachments.map((a) => a.id)).toEqual([attachment.id]);
    const file = await agentGet(`/${attachment.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("content-disposition")).toMatch(/^inline; filename="screen shot.png"/);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect(await blobs.list(`ws/${t.workspace.id}/tickets/${ticket.id}/attachments/`)).toHaveLength(1);
  });

  it("other files download, never render, and their names cannot break out of the header", async () => {
    const res = await widgetUpload(
      Buffer.from("%PDF-1.4 report"),
      "application/pdf",
      '../../"evil"\r\n.pdf',
      withToken,
    );
    expect(res.status).toBe(201);
    const attachment = (await res.json()) as Attachment;
    expect(attachment.filename).toBe("evil.pdf");
    const file = await agentGet(`/${attachment.id}`);
    expect(file.headers.get("content-type")).toBe("application/octet-stream");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="evil.pdf"/);
  });

  it("refuses disallowed types, fake images and oversized files, and keeps nothing of them", async () => {
    const before = await blobs.list(`ws/${t.workspace.id}/`);
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expect((await widgetUpload(html, "text/html", "x.html", withToken)).status).toBe(415);
    expect((await widgetUpload(html, "image/svg+xml", "x.svg", withToken)).status).toBe(415);
    expect((await widgetUpload(Buffer.concat([html, html]), "image/png", "x.png", withToken)).status).toBe(415);
    const huge = Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1, 0x41);
    const tooBig = await widgetUpload(huge, "text/plain", "big.txt", withToken);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.message).toMatch(/at most 10 MB/);
    expect(await blobs.list(`ws/${t.workspace.id}/`)).toEqual(before);
    expect((await widgetUpload(PNG, "image/png", "x.png", { Authorization: "Bearer wrong" })).status).toBe(401);
  });

  it("in the conversation the customer attaches with their browser token; another browser cannot", async () => {
    const customer = { "X-Handoff-Key": t.workspace.siteKey, "X-Handoff-Customer": CUSTOMER_TOKEN };
    const res = await widgetUpload(PNG, "image/png", "reply.png", customer);
    expect(res.status).toBe(201);
    const mine = await t.request(`/api/v1/widget/tickets/${ticket.id}/attachments`, {
      headers: { Origin: CUSTOMER_ORIGIN, ...customer },
    });
    expect(((await mine.json()) as { attachments: Attachment[] }).attachments.map((a) => a.filename)).toEqual([
      "screen shot.png",
      "evil.pdf",
      "reply.png",
    ]);
    const stranger = { ...customer, "X-Handoff-Customer": "another-browser-0123456789" };
    expect((await widgetUpload(PNG, "image/png", "x.png", stranger)).status).toBe(404);
  });

  it("an agent attaches to a reply", async () => {
    const res = await t.request(`/api/v1/tickets/${ticket.id}/attachments?filename=fix.png`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: ORIGIN, "Content-Type": "image/png" },
      body: PNG as unknown as BodyInit,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ authorType: "agent", filename: "fix.png", inline: true });
  });
});
