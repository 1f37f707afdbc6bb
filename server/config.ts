import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { loadNotificationConfig, type NotificationConfig } from "./services/notifications/notification-config.js";

export interface Config {
  port: number;
  /** Interface to listen on; localhost by default, 0.0.0.0 to accept connections from elsewhere. */
  host: string;
  /** Public URL of this server when behind a proxy; otherwise taken from each request. */
  publicUrl?: string;
  databaseUrl?: string;
  dataDir: string;
  demoSiteKey: string;
  allowedOrigins: string[];
  adminEmail: string;
  /** Undefined: a random one is generated and printed once, when the admin is created. */
  adminPassword?: string;
  sessionTtlMs: number;
  /** Where the built widget and console live (dist/). */
  distDir: string;
  demoDir: string;
  /** SMTP, inbound email and webhook delivery (HANDOFF_SMTP_URL, HANDOFF_MAIL_FROM, …). */
  notifications: NotificationConfig;
}

const csv = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/$/, ""))
    .filter(Boolean);

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST || "localhost",
    publicUrl: env.HANDOFF_PUBLIC_URL?.replace(/\/$/, "") || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(root, env.HANDOFF_DATA_DIR || ".handoff"),
    demoSiteKey: env.HANDOFF_DEMO_SITE_KEY || "pk_demo",
    allowedOrigins: csv(env.HANDOFF_ALLOWED_ORIGINS),
    adminEmail: (env.HANDOFF_ADMIN_EMAIL || "admin@example.com").toLowerCase(),
    adminPassword: env.HANDOFF_ADMIN_PASSWORD || undefined,
    sessionTtlMs: Number(env.HANDOFF_SESSION_HOURS ?? 12) * 3600_000,
    distDir: resolve(root, env.HANDOFF_DIST_DIR || "dist"),
    demoDir: resolve(root, "demo"),
    notifications: loadNotificationConfig(env),
  };
}

export const randomSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");
