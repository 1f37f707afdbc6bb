import type { AgentActor } from "../../access/actor.js";
import nodemailer from "nodemailer";
import type { TestEmailResult } from "../../../shared/notifications-api.js";
import { assertAdmin } from "../../access/admin-only.js";
import type { Config } from "../../config.js";
import { ServiceError } from "../service-error.js";
import { htmlBody } from "./email-strings.js";
import { publicOrigin } from "./public-links.js";

/** An admin waits for the answer: a dead host must fail in seconds, not nodemailer's default two minutes. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

interface SmtpError extends Error {
  code?: string;
  response?: string;
  responseCode?: number;
  command?: string;
}

/** Why it failed, in words an admin can act on, followed by the server's own reply. */
function explain(error: SmtpError, host: string): string {
  const reply = error.response ? ` The server said: ${error.response}` : "";
  switch (error.code) {
    case "ECONNECTION":
    case "ESOCKET":
    case "EDNS":
      return `Could not connect to the SMTP server ${host}: ${error.message}`;
    case "ETIMEDOUT":
      return `The SMTP server ${host} did not answer in time: ${error.message}`;
    case "EAUTH":
      return `The SMTP server ${host} refused the login (check the user and password in HANDOFF_SMTP_URL).${reply}`;
    case "EENVELOPE":
      return `The SMTP server ${host} refused the sender or the recipient.${reply || ` ${error.message}`}`;
    case "ETLS":
      return `TLS with the SMTP server ${host} failed: ${error.message}`;
    default:
      return `Sending through ${host} failed: ${error.message}`;
  }
}

/**
 * Sends one email right now (not through the job queue) and reports what the SMTP server answered, so an admin
 * setting up HANDOFF_SMTP_URL sees at once whether it works and, if not, the server's own error.
 */
export async function sendTestEmail(
  config: Config,
  input: { actor: AgentActor; to?: string },
): Promise<TestEmailResult> {
  assertAdmin(input.actor);
  const { smtpUrl, mailFrom } = config.notifications;
  if (!smtpUrl)
    throw new ServiceError("conflict", "Email is off: set HANDOFF_SMTP_URL and HANDOFF_MAIL_FROM on the server");
  const url = new URL(smtpUrl);
  const host = `${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)}`;
  const to = input.to ?? input.actor.email;
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  const started = performance.now();
  const lines = [
    `This is a test email from Handoff, sent by ${input.actor.name} from Admin → Notifications.`,
    `It went through ${host} as ${mailFrom}. Customer and agent notifications use the same route.`,
  ];
  try {
    const info = await transport.sendMail({
      from: mailFrom,
      to,
      subject: "Handoff test email",
      text: lines.join("\n\n"),
      html: htmlBody(lines, { href: `${publicOrigin(config)}/console/admin`, label: "Open Admin" }, "Handoff"),
      headers: { "Auto-Submitted": "auto-generated" },
    });
    const ms = Math.round(performance.now() - started);
    const accepted = (info.accepted as Array<string | { address: string }>).length > 0;
    return {
      ok: accepted,
      to,
      message: accepted
        ? `The SMTP server ${host} accepted the test email for ${to}.`
        : `The SMTP server ${host} refused the recipient ${to}.`,
      smtpResponse: info.response ?? null,
      ms,
    };
  } catch (caught) {
    const error = caught as SmtpError;
    const message = explain(error, host);
    // nodemailer never echoes the password, but a URL in a message might: never hand it to the browser.
    const secret = decodeURIComponent(url.password);
    return {
      ok: false,
      to,
      message: secret ? message.replaceAll(secret, "****") : message,
      smtpResponse: error.response ?? null,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    transport.close();
  }
}
