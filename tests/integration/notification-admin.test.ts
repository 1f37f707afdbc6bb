import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { agents } from "../../server/db/schema.js";
import { startJobs } from "../../server/jobs/start-jobs.js";
import { serverTasks } from "../../server/jobs/tasks.js";
import { loadNotificationConfig } from "../../server/services/notifications/notification-config.js";
import { agentClient, fileTicket } from "../helpers/agent-client.js";
import { AGENT_PASSWORD, createAgent } from "../helpers/agents.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { freshDatabaseWithUrl, jobsSettled, waitFor } from "../helpers/notify-databases.js";
import { startSmtpSink } from "../helpers/smtp-sink.js";
import { createTestApp } from "../helpers/test-app.js";

describe.each(DATABASE_KINDS)("test email and my notifications on %s", (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(smtpUrl?: string) {
    const { database, databaseUrl } = await freshDatabaseWithUrl(kind);
    cleanups.push(() => database.close());
    const notifications = { ...loadNotificationConfig({}), smtpUrl, mailFrom: "Acme Support <support@acme.example>" };
    const t = await createTestApp(database, { databaseUrl, notifications });
    cleanups.push(await startJobs({ database, config: t.config, tasks: serverTasks }));
    return { t, database, admin: agentClient(t, await t.login()) };
  }

  it("sends a test email at once and reports what the SMTP server answered, or its error", async () => {
    const sink = await startSmtpSink({ rejectRecipient: (address) => address.startsWith("nobody@") });
    cleanups.push(sink.close);
    const { t, admin, database } = await setup(sink.url);

    const sent = await admin.post("/api/v1/notifications/test-email", {});
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ ok: true, to: "admin@example.com" });
    expect(sent.body.message).toBe(
      `The SMTP server 127.0.0.1:${new URL(sink.url).port} accepted the test email for admin@example.com.`,
    );
    expect(sent.body.smtpResponse).toMatch(/^250 /);
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]!.envelopeTo).toEqual(["admin@example.com"]);
    expect(sink.mails[0]!.parsed.subject).toBe("Handoff test email");
    expect(sink.mails[0]!.parsed.from?.text).toContain("support@acme.example");

    const refused = await admin.post("/api/v1/notifications/test-email", { to: "nobody@acme.example" });
    expect(refused.status).toBe(200);
    expect(refused.body.ok).toBe(false);
    expect(refused.body.message).toContain("refused the sender or the recipient");
    expect(refused.body.message).toContain("User unknown");
    expect(refused.body.smtpResponse).toMatch(/^550 /);
    expect(sink.mails).toHaveLength(1);

    expect((await admin.post("/api/v1/notifications/test-email", { to: "not an address" })).status).toBe(422);
    const agent = await createAgent(database.db, { workspaceId: t.workspace.id, email: "agent@example.com" });
    const notAdmin = agentClient(t, await t.login({ email: agent.email, password: AGENT_PASSWORD }));
    expect((await notAdmin.post("/api/v1/notifications/test-email", {})).status).toBe(403);
  }, 90_000);

  it("says which SMTP server could not be reached, and that email is off when it is", async () => {
    const sink = await startSmtpSink();
    const port = new URL(sink.url).port;
    await sink.close(); // nothing listens there any more
    const { admin } = await setup(`smtp://mailer:s3cret-pass@127.0.0.1:${port}`);
    const failed = await admin.post("/api/v1/notifications/test-email", {});
    expect(failed.status).toBe(200);
    expect(failed.body.ok).toBe(false);
    expect(failed.body.message).toMatch(
      new RegExp(`^Could not connect to the SMTP server 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
    expect(JSON.stringify(failed.body)).not.toContain("s3cret-pass");

    const { admin: withoutSmtp } = await setup(undefined);
    const off = await withoutSmtp.post("/api/v1/notifications/test-email", {});
    expect(off.status).toBe(409);
    expect(off.body.error.message).toBe("Email is off: set HANDOFF_SMTP_URL and HANDOFF_MAIL_FROM on the server");
  }, 90_000);

  it("an agent who turns notification email off gets none, and their choices stay for when it is back on", async () => {
    const sink = await startSmtpSink();
    cleanups.push(sink.close);
    const { t, database } = await setup(sink.url);
    const w = t.workspace.id;
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, w));
    const first = await createAgent(database.db, { workspaceId: w, email: "first@example.com", skills: ["technical"] });
    const me = agentClient(t, await t.login({ email: first.email, password: AGENT_PASSWORD }));
    expect((await me.get("/api/v1/notifications/me")).body).toEqual({
      emailEnabled: true,
      email: { assigned: true, escalated: true, bounced: true, critical: true },
      smtpConfigured: true,
    });
    await me.put("/api/v1/notifications/me", { email: { bounced: false } });
    const off = await me.put("/api/v1/notifications/me", { emailEnabled: false });
    expect(off.body).toMatchObject({ emailEnabled: false, email: { assigned: true, bounced: false } });

    const quiet = await fileTicket(t, { subject: "Quiet one" });
    await waitFor(() => sink.mails.some((m) => m.parsed.subject?.includes(quiet.reference)), "the customer's mail");
    await waitFor(() => jobsSettled(database.db), "every notification of the first ticket");
    expect(sink.mails.filter((m) => m.envelopeTo.includes(first.email))).toEqual([]);

    const on = await me.put("/api/v1/notifications/me", { emailEnabled: true });
    expect(on.body.email).toEqual({ assigned: true, escalated: true, bounced: false, critical: true });
    const loud = await fileTicket(t, { subject: "Loud one" });
    const mail = await waitFor(
      () => sink.mails.find((m) => m.envelopeTo.includes(first.email)),
      "the assignment mail once email is back on",
    );
    expect(mail.parsed.subject).toContain(loud.reference);
  }, 90_000);
});
