import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { agents } from "../../db/schema.js";
import type { JobContext } from "../../jobs/registry.js";
import { htmlBody } from "./email-strings.js";
import { mailTransport } from "./mail-transport.js";
import { publicOrigin } from "./public-links.js";

export const SEND_ADMIN_EMAIL = "email.admins";

const payloadSchema = z.object({ workspaceId: z.uuid(), subject: z.string(), lines: z.array(z.string()) });
export type AdminEmailJob = z.infer<typeof payloadSchema>;

/** Tells the workspace's active admins about something that needs them (e.g. a webhook endpoint switched off). */
export async function sendAdminEmail(raw: unknown, ctx: JobContext): Promise<void> {
  const job = payloadSchema.parse(raw);
  const mail = ctx.config.notifications;
  if (!mail.smtpUrl) return;
  const admins = await ctx.db
    .select({ email: agents.email, name: agents.name })
    .from(agents)
    .where(and(eq(agents.workspaceId, job.workspaceId), eq(agents.role, "admin"), eq(agents.active, true)));
  if (admins.length === 0) return;
  const link = { href: `${publicOrigin(ctx.config)}/console/admin`, label: "Open Admin" };
  await mailTransport(mail.smtpUrl).sendMail({
    from: mail.mailFrom,
    to: admins.map((a) => ({ name: a.name, address: a.email })),
    subject: job.subject,
    text: [...job.lines, "", `${link.label}: ${link.href}`].join("\n"),
    html: htmlBody(job.lines, link, "Sent to the admins of this Handoff workspace."),
    headers: { "Auto-Submitted": "auto-generated" },
  });
}
