import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { messages } from "../../server/db/schema.js";
import { TOKEN_PATHS } from "../../shared/tokens-api.js";
import { fileTicket, type AgentClient } from "../helpers/agent-client.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import type { TestApp } from "../helpers/test-app.js";
import { withAdminApp } from "../helpers/admin-app.js";

const MIGRATION = new URL("../../server/db/migrations/0030_message-author-name.sql", import.meta.url);

/** The sender's name is stored on the message (messages.author_name), not looked up in the timeline per message. */
describe.each(DATABASE_KINDS)("a message's author name on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let admin: AgentClient;
  withAdminApp(kind, (app) => ({ database, t, admin } = app));

  async function tokenReply(ticketId: string, name: string, body: string) {
    const created = await admin.post(TOKEN_PATHS.tokens, { name, scopes: ["tickets:write"] });
    const res = await t.request(`/api/v1/tickets/${ticketId}/messages`, {
      method: "POST",
      headers: { Authorization: `Bearer ${created.body.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ body, internal: false }),
    });
    expect(res.status).toBe(201);
    return { tokenId: created.body.id as string, message: (await res.json()) as { id: string; authorName: string } };
  }
  const listed = async (ticketId: string) =>
    (await admin.get(`/api/v1/tickets/${ticketId}/messages`)).body.messages as { id: string; authorName: string }[];

  it("a token's reply keeps the token's name after the token is revoked, next to an agent's reply", async () => {
    const ticket = await fileTicket(t, { subject: "Stored name" });
    const { tokenId, message } = await tokenReply(ticket.id, "Release bot", "Fixed in 2.4.1");
    expect(message.authorName).toBe("Release bot");
    const note = await admin.post(`/api/v1/tickets/${ticket.id}/messages`, { body: "Checked", internal: true });
    expect((await admin.delete(TOKEN_PATHS.token(tokenId))).status).toBe(204);

    const list = await listed(ticket.id);
    expect(list.find((m) => m.id === message.id)?.authorName).toBe("Release bot");
    expect(list.find((m) => m.id === note.body.id)?.authorName).toBe(note.body.authorName);
    const [row] = await database.db.select().from(messages).where(eq(messages.id, message.id));
    expect(row.authorName).toBe("Release bot");
  });

  it("two tokens on one ticket each show their own name, on every page of a long thread", async () => {
    const ticket = await fileTicket(t, { subject: "Two bots" });
    const a = await tokenReply(ticket.id, "Bot A", "first");
    const b = await tokenReply(ticket.id, "Bot B", "second");
    const older = await admin.get(`/api/v1/tickets/${ticket.id}/messages?limit=1`);
    expect(older.body.messages.map((m: { authorName: string }) => m.authorName)).toEqual(["Bot B"]);
    const first = await admin.get(
      `/api/v1/tickets/${ticket.id}/messages?limit=1&before=${encodeURIComponent(older.body.olderCursor)}`,
    );
    expect(first.body.messages.map((m: { id: string }) => m.id)).toEqual([a.message.id]);
    expect(first.body.messages[0].authorName).toBe("Bot A");
    expect(b.message.authorName).toBe("Bot B");
  });

  it("the migration fills in the name of replies stored before the column existed, from their timeline event", async () => {
    const ticket = await fileTicket(t, { subject: "Before the column" });
    const { message } = await tokenReply(ticket.id, "Legacy bot", "old reply");
    const note = await admin.post(`/api/v1/tickets/${ticket.id}/messages`, { body: "mine", internal: true });
    await database.db.update(messages).set({ authorName: null }).where(eq(messages.ticketId, ticket.id));
    const backfill = readFileSync(MIGRATION, "utf8").split("--> statement-breakpoint")[1];
    await database.db.execute(sql.raw(backfill));

    const list = await listed(ticket.id);
    expect(list.find((m) => m.id === message.id)?.authorName).toBe("Legacy bot");
    const [row] = await database.db.select().from(messages).where(eq(messages.id, note.body.id));
    expect(row.authorName).toBeNull();
  });
});
