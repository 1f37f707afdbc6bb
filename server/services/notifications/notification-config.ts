/** Outbound email, inbound replies and webhook delivery, from the environment. */
export interface NotificationConfig {
  /** smtp://user:pass@host:587 (smtps:// for implicit TLS); unset: no email is sent and the console says so. */
  smtpUrl?: string;
  mailFrom: string;
  /** Reply addresses are reply+<token>@this domain; unset, replies thread through Message-ID/References only. */
  inboundEmailDomain?: string;
  /** Port of the built-in SMTP listener for replies (self-hosters); unset: only the HTTP inbound endpoint. */
  inboundSmtpPort?: number;
  /** Delays before each webhook retry, in seconds: the first within ~10 s, then up to ~24 h in total. */
  webhookRetrySeconds: number[];
  webhookTimeoutMs: number;
}

const DEFAULT_RETRIES = [5, 300, 1800, 7200, 18000, 36000];

/** A mistyped setting stops the start naming it (as server/config.ts does), instead of mail that fails for hours. */
function smtpUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.HANDOFF_SMTP_URL?.trim();
  if (!raw) return undefined;
  if (!/^smtps?:\/\/[^/?#\s]+/i.test(raw))
    throw new Error("HANDOFF_SMTP_URL must look like smtp://user:password@host:587 (or smtps:// for implicit TLS)");
  return raw;
}

function inboundPortOf(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env.HANDOFF_INBOUND_SMTP_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`HANDOFF_INBOUND_SMTP_PORT must be a port number, got "${raw}"`);
  return port;
}

function retriesOf(env: NodeJS.ProcessEnv): number[] {
  const raw = env.HANDOFF_WEBHOOK_RETRY_SECONDS?.trim();
  if (!raw) return DEFAULT_RETRIES;
  const retries = raw.split(",").map((part) => Number(part.trim()));
  if (!retries.every((n) => Number.isFinite(n) && n >= 0))
    throw new Error(`HANDOFF_WEBHOOK_RETRY_SECONDS must be seconds separated by commas, like 5,300,1800, got "${raw}"`);
  return retries;
}

function timeoutOf(env: NodeJS.ProcessEnv): number {
  const raw = env.HANDOFF_WEBHOOK_TIMEOUT_MS?.trim();
  if (!raw) return 10_000;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100)
    throw new Error(`HANDOFF_WEBHOOK_TIMEOUT_MS must be milliseconds, at least 100, got "${raw}"`);
  return ms;
}

export function loadNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  return {
    smtpUrl: smtpUrlOf(env),
    mailFrom: env.HANDOFF_MAIL_FROM || "Handoff <support@localhost>",
    inboundEmailDomain: env.HANDOFF_INBOUND_EMAIL_DOMAIN || undefined,
    inboundSmtpPort: inboundPortOf(env),
    webhookRetrySeconds: retriesOf(env),
    webhookTimeoutMs: timeoutOf(env),
  };
}
