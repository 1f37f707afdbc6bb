import type { Config } from "../../config.js";

/** The server's public origin for links in mails, webhooks and Slack (no request to take it from in a job). */
export function publicOrigin(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  return `http://${host}:${config.port}`;
}

export const consoleTicketUrl = (config: Config, ticketId: string) =>
  `${publicOrigin(config)}/console/tickets/${encodeURIComponent(ticketId)}`;
