import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { agentEmailKinds } from "../../../shared/notifications-api.js";
import { agents, escalations } from "../../db/schema.js";
import { agentNotificationPrefs } from "../../db/schema-notifications.js";
import type { JobContext } from "../../jobs/registry.js";
import { htmlBody } from "./email-strings.js";
import { loadTicketForMail } from "./load-ticket-for-mail.js";
import { mailTransport } from "./mail-transport.js";
import { consoleTicketUrl, publicOrigin } from "./public-links.js";

export const SEND_AGENT_EMAIL = "email.agent";

const payloadSchema = z.object({
  workspaceId: z.uuid(),
  ticketId: z.uuid(),
  agentId: z.uuid(),
  kind: z.enum(agentEmailKinds),
  escalationId: z.uuid().optional(),
});
export type AgentEmailJob = z.infer<typeof payloadSchema>;

const SUBJECTS: Record<AgentEmailJob["kind"], string> = {
  assigned: "Assigned to you",
  escalated: "Escalated to you",
  bounced: "Bounced back to you",
  critical: "Critical ticket in your queue",
};

/** Mails an agent about a ticket that is now theirs, unless they turned that kind off (Account → notifications). */
export async function sendAgentEmail(raw: unknown, ctx: JobContext): Promise<void> {
  const job = payloadSchema.parse(raw);
  const mail = ctx.config.notifications;
  if (!mail.smtpUrl) return;
  const [agent] = await ctx.db
    .select({
      email: agents.email,
      name: agents.name,
      active: agents.active,
      prefs: agentNotificationPrefs.email,
      emailEnabled: agentNotificationPrefs.emailEnabled,
    })
    .from(agents)
    .leftJoin(agentNotificationPrefs, eq(agentNotificationPrefs.agentId, agents.id))
    .where(and(eq(agents.id, job.agentId), eq(agents.workspaceId, job.workspaceId)));
  if (!agent?.active || agent.emailEnabled === false || agent.prefs?.[job.kind] === false) return;
  const ticket = await loadTicketForMail(ctx.db, job.workspaceId, job.ticketId);
  if (!ticket) return;
  const paragraphs = [`${SUBJECTS[job.kind]}: ${ticket.reference} "${ticket.subject}"`];
  paragraphs.push(`Severity ${ticket.severity ?? "not set"} · tier ${ticket.tier} · queue ${ticket.queue ?? "none"}`);
  if (job.escalationId) {
    const [handoff] = await ctx.db
      .select()
      .from(escalations)
      .where(and(eq(escalations.id, job.escalationId), eq(escalations.ticketId, ticket.id)));
    if (handoff && job.kind === "escalated")
      paragraphs.push(
        `Handoff summary: ${handoff.summary}`,
        `Why it moves: ${handoff.reason}`,
        `What the customer wants: ${handoff.customerGoal}`,
        ...handoff.attempted.map((a) => `Tried: ${a.action} → ${a.result}`),
      );
    if (handoff && job.kind === "bounced") paragraphs.push(`Bounce reason: ${handoff.bounceReason ?? "none given"}`);
  }
  const link = { href: consoleTicketUrl(ctx.config, ticket.id), label: "Open the ticket and its replay" };
  const account = `${publicOrigin(ctx.config)}/console/account`;
  await mailTransport(mail.smtpUrl).sendMail({
    from: mail.mailFrom,
    to: { name: agent.name, address: agent.email },
    subject: `[${ticket.reference}] ${SUBJECTS[job.kind]}: ${ticket.subject}`,
    text: [...paragraphs, "", `${link.label}: ${link.href}`, "", `Notification settings: ${account}`].join("\n"),
    html: htmlBody(paragraphs, link, `Notification settings: ${account}`),
    headers: { "Auto-Submitted": "auto-generated", "List-Unsubscribe": `<${account}>` },
  });
}
