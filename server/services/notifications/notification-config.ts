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

export function loadNotificationConfig(env: NodeJS.ProcessEnv): NotificationConfig {
  const retries = env.HANDOFF_WEBHOOK_RETRY_SECONDS?.split(",").map(Number);
  return {
    smtpUrl: env.HANDOFF_SMTP_URL || undefined,
    mailFrom: env.HANDOFF_MAIL_FROM || "Handoff <support@localhost>",
    inboundEmailDomain: env.HANDOFF_INBOUND_EMAIL_DOMAIN || undefined,
    inboundSmtpPort: env.HANDOFF_INBOUND_SMTP_PORT ? Number(env.HANDOFF_INBOUND_SMTP_PORT) : undefined,
    webhookRetrySeconds: retries?.every((n) => Number.isFinite(n) && n >= 0) ? retries : DEFAULT_RETRIES,
    webhookTimeoutMs: Number(env.HANDOFF_WEBHOOK_TIMEOUT_MS ?? 10_000),
  };
}
