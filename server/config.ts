import { parseTrustProxy, type TrustProxy } from "./access/client-address.js";
import { resolve } from "node:path";
import { type StorageConfig, storageConfigFromEnv } from "./storage/open-blob-store.js";
import { loadNotificationConfig, type NotificationConfig } from "./services/notifications/notification-config.js";
import { originSchema } from "../shared/admin-api.js";
import { parseDatabaseUrl } from "./db/client.js";
import { LOG_LEVELS } from "./observability/logger.js";

export interface Config {
  port: number;
  /** Interface to listen on; localhost by default, 0.0.0.0 to accept connections from elsewhere. */
  host: string;
  /** Public URL of this server when behind a proxy; otherwise taken from each request. */
  publicUrl?: string;
  databaseUrl?: string;
  dataDir: string;
  /** HANDOFF_SITE_KEY: the workspace's own site key on first start (generated when unset). */
  siteKey?: string;
  /** HANDOFF_DEMO_SITE_KEY: the demo app's key, with an identity secret of its own. */
  demoSiteKey: string;
  allowedOrigins: string[];
  adminEmail: string;
  /** Undefined: a random one is generated and printed once, when the admin is created. */
  adminPassword?: string;
  sessionTtlMs: number;
  /** Where the built widget and console live (dist/). */
  distDir: string;
  demoDir: string;
  /** Where recordings and attachments are stored (server/storage). */
  storage: StorageConfig;
  /** When set, GET /metrics requires it as a bearer token. */
  metricsToken?: string;
  /** How often the escalation clock runs (one process at a time). */
  timeTriggerIntervalMs: number;
  /** PostgreSQL connections per process (postgres.js pool). */
  dbPoolSize: number;
  /** HANDOFF_DB_PREPARE=false: no prepared statements (a pooler that cannot keep them). */
  dbPrepare: boolean;
  /** How long shutdown waits for requests in flight before closing their connections. */
  shutdownGraceMs: number;
  /** Recording uploads one process inflates at once (HANDOFF_UPLOAD_CONCURRENCY); more get 429 + Retry-After. */
  uploadConcurrency: number;
  /** HANDOFF_TRUST_PROXY: hop count or proxy CIDRs; only then is X-Forwarded-For read. */
  trustProxy: TrustProxy;
  /**
   * HANDOFF_DEMO: serve the demo app and its /demo/api (which signs a user for identify()). On by default for the
   * embedded quick start, off when DATABASE_URL is set unless asked for.
   */
  demo: boolean;
  /** SMTP, inbound email and webhook delivery (HANDOFF_SMTP_URL, HANDOFF_MAIL_FROM, …). */
  notifications: NotificationConfig;
}

const csv = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/$/, ""))
    .filter(Boolean);

// A mistyped setting stops the start with its name and what it expects, instead of running on NaN or a wrong origin
// that shows up later as an expired session or a widget refused on the customer's page.

/** A number of at least `min` (seconds, hours, connections), or the default when unset. */
function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new Error(`${name} must be a number of at least ${min}, got "${raw}"`);
  return value;
}

/** On or off (1/0, true/false, on/off, yes/no), or undefined when unset. */
function switchSetting(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (/^(1|true|on|yes)$/i.test(raw)) return true;
  if (/^(0|false|off|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be on or off (1/0, true/false, on/off, yes/no), got "${raw}"`);
}

/** HANDOFF_ALLOWED_ORIGINS: exact origins, as the admin page takes them (shared/admin-api.ts). */
function originsOf(env: NodeJS.ProcessEnv): string[] {
  return csv(env.HANDOFF_ALLOWED_ORIGINS).map((origin) => {
    const parsed = originSchema.safeParse(origin);
    if (!parsed.success)
      throw new Error(
        `HANDOFF_ALLOWED_ORIGINS: "${origin}" is not an origin; write the scheme and host, like https://app.example.com, or https://*.example.com for its subdomains (no path)`,
      );
    return parsed.data;
  });
}

function publicUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.HANDOFF_PUBLIC_URL?.trim().replace(/\/$/, "");
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {}
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:"))
    throw new Error(`HANDOFF_PUBLIC_URL must be the server's address, like https://support.example.com, got "${raw}"`);
  // Compared with the Origin browsers send (the console's logins, the widget's pages): as they write it, lowercase and
  // without the default port, or every login would be refused as cross-site.
  if (url.pathname !== "/" || url.search || url.hash || url.username)
    throw new Error(
      `HANDOFF_PUBLIC_URL must be the address of the host Handoff answers at the root of, like https://support.example.com, without a path, got "${raw}" (serve Handoff on a host or port of its own)`,
    );
  return url.origin;
}

function databaseUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return undefined;
  const url = parseDatabaseUrl(raw);
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    throw new Error(`DATABASE_URL must be a PostgreSQL URL (postgres://…), not ${url.protocol}//…`);
  return raw;
}

/** HANDOFF_SITE_KEY: the workspace's own key on first start; never the demo's, whose signatures anyone can get. */
function siteKeyOf(env: NodeJS.ProcessEnv): string | undefined {
  const key = env.HANDOFF_SITE_KEY || undefined;
  if (key && key === (env.HANDOFF_DEMO_SITE_KEY || "pk_demo"))
    throw new Error("HANDOFF_SITE_KEY must differ from the demo app's key (HANDOFF_DEMO_SITE_KEY, default pk_demo)");
  if (key && !/^pk_[A-Za-z0-9_-]{4,100}$/.test(key))
    throw new Error("HANDOFF_SITE_KEY must look like pk_ followed by 4 to 100 letters, digits, _ or -");
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  if (env.LOG_LEVEL && !(LOG_LEVELS as readonly string[]).includes(env.LOG_LEVEL))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  // Read where the API-token limit is applied (middleware/token-auth.ts); checked here so a typo stops the start.
  numberSetting(env, "HANDOFF_TOKEN_RATE_LIMIT", 600, 1);
  const adminPassword = env.HANDOFF_ADMIN_PASSWORD || undefined;
  // The same floor as passwords set in the console (shared/admin-api.ts).
  if (adminPassword !== undefined && adminPassword.length < 10)
    throw new Error("HANDOFF_ADMIN_PASSWORD must be at least 10 characters");
  return {
    port,
    host: env.HOST || "localhost",
    publicUrl: publicUrlOf(env),
    databaseUrl: databaseUrlOf(env),
    dataDir: resolve(root, env.HANDOFF_DATA_DIR || ".handoff"),
    siteKey: siteKeyOf(env),
    demoSiteKey: env.HANDOFF_DEMO_SITE_KEY || "pk_demo",
    allowedOrigins: originsOf(env),
    adminEmail: (env.HANDOFF_ADMIN_EMAIL || "admin@example.com").toLowerCase(),
    adminPassword,
    sessionTtlMs: numberSetting(env, "HANDOFF_SESSION_HOURS", 12, 0.01) * 3600_000,
    distDir: resolve(root, env.HANDOFF_DIST_DIR || "dist"),
    demoDir: resolve(root, "demo"),
    storage: storageConfigFromEnv(env),
    metricsToken: env.HANDOFF_METRICS_TOKEN || undefined,
    timeTriggerIntervalMs: numberSetting(env, "HANDOFF_TIME_TRIGGER_SECONDS", 60, 0.05) * 1000,
    dbPoolSize: Math.floor(numberSetting(env, "HANDOFF_DB_POOL_SIZE", 10, 1)),
    dbPrepare: !/^(0|false|off|no)$/i.test(env.HANDOFF_DB_PREPARE ?? ""),
    shutdownGraceMs: numberSetting(env, "HANDOFF_SHUTDOWN_GRACE_SECONDS", 10, 0) * 1000,
    uploadConcurrency: Math.floor(numberSetting(env, "HANDOFF_UPLOAD_CONCURRENCY", 2, 1)),
    trustProxy: parseTrustProxy(env.HANDOFF_TRUST_PROXY),
    demo: switchSetting(env, "HANDOFF_DEMO") ?? !env.DATABASE_URL,
    notifications: loadNotificationConfig(env),
  };
}
