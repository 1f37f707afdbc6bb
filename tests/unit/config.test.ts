import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";

// What an operator sets in the environment: a mistyped value stops the start, naming the setting and what it
// expects, instead of running on NaN (sessions that expire at once) or an origin no browser ever sends.
const load = (env: Record<string, string>) => () => loadConfig(env, "/srv/handoff");

describe("settings from the environment", () => {
  it("takes well-formed values", () => {
    const config = loadConfig(
      {
        HANDOFF_PUBLIC_URL: "https://support.example.com/",
        DATABASE_URL: "postgresql://app@/handoff?host=/var/run/postgresql",
        HANDOFF_ALLOWED_ORIGINS: "https://app.example.com/, http://localhost:5173",
        HANDOFF_SESSION_HOURS: "8",
        HANDOFF_DB_POOL_SIZE: "20",
        HANDOFF_TIME_TRIGGER_SECONDS: "0.2",
      },
      "/srv/handoff",
    );
    expect(config.publicUrl).toBe("https://support.example.com");
    expect(config.allowedOrigins).toEqual(["https://app.example.com", "http://localhost:5173"]);
    expect(config.sessionTtlMs).toBe(8 * 3600_000);
    expect(config.dbPoolSize).toBe(20);
    expect(config.timeTriggerIntervalMs).toBe(200);
    expect(config.dataDir).toBe("/srv/handoff/.handoff");
  });

  it("refuses an allowed origin without its scheme, or with a path", () => {
    expect(load({ HANDOFF_ALLOWED_ORIGINS: "https://a.example.com,app.example.com" })).toThrow(
      /HANDOFF_ALLOWED_ORIGINS: "app\.example\.com" is not an origin.*https:\/\/app\.example\.com/,
    );
    expect(load({ HANDOFF_ALLOWED_ORIGINS: "https://app.example.com/billing" })).toThrow(/no path/);
  });

  it("refuses numbers that are not numbers", () => {
    expect(load({ HANDOFF_SESSION_HOURS: "twelve" })).toThrow(/HANDOFF_SESSION_HOURS must be a number/);
    expect(load({ HANDOFF_DB_POOL_SIZE: "0" })).toThrow(/HANDOFF_DB_POOL_SIZE must be a number of at least 1/);
    expect(load({ HANDOFF_SHUTDOWN_GRACE_SECONDS: "-5" })).toThrow(/HANDOFF_SHUTDOWN_GRACE_SECONDS/);
    expect(load({ PORT: "http" })).toThrow(/PORT must be a port number/);
  });

  it("refuses a public URL that is not one, and a database that is not PostgreSQL", () => {
    expect(load({ HANDOFF_PUBLIC_URL: "support.example.com" })).toThrow(/HANDOFF_PUBLIC_URL must be the server's/);
    expect(load({ DATABASE_URL: "mysql://app:secret@db/handoff" })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(load({ DATABASE_URL: "mysql://app:secret@db/handoff" })).not.toThrow(/secret/);
  });

  it("refuses switches, SMTP and ports that would otherwise be read as off, or fail later", () => {
    expect(load({ HANDOFF_UPLOAD_CONCURRENCY: "four" })).toThrow(/HANDOFF_UPLOAD_CONCURRENCY must be a number/);
    expect(load({ HANDOFF_DEMO: "enabled" })).toThrow(/HANDOFF_DEMO must be on or off/);
    expect(loadConfig({ HANDOFF_DEMO: "off" }).demo).toBe(false);
    expect(load({ HANDOFF_SMTP_URL: "mail.example.com:587" })).toThrow(/HANDOFF_SMTP_URL must look like smtp:\/\//);
    expect(load({ HANDOFF_SMTP_URL: "smtp://app:secret@mail.example.com:587" })).not.toThrow();
    expect(load({ HANDOFF_INBOUND_SMTP_PORT: "twenty-five" })).toThrow(/HANDOFF_INBOUND_SMTP_PORT must be a port/);
  });

  it("refuses webhook retry delays, timeouts and the API-token limit that would otherwise silently become the defaults or NaN", () => {
    expect(load({ HANDOFF_WEBHOOK_RETRY_SECONDS: "5s,5m" })).toThrow(/HANDOFF_WEBHOOK_RETRY_SECONDS must be seconds/);
    expect(loadConfig({ HANDOFF_WEBHOOK_RETRY_SECONDS: "5, 60" }).notifications.webhookRetrySeconds).toEqual([5, 60]);
    expect(load({ HANDOFF_WEBHOOK_TIMEOUT_MS: "10s" })).toThrow(/HANDOFF_WEBHOOK_TIMEOUT_MS must be milliseconds/);
    expect(loadConfig({ HANDOFF_WEBHOOK_TIMEOUT_MS: "2500" }).notifications.webhookTimeoutMs).toBe(2500);
    expect(loadConfig({}).notifications.webhookTimeoutMs).toBe(10_000);
    expect(load({ HANDOFF_TOKEN_RATE_LIMIT: "lots" })).toThrow(
      /HANDOFF_TOKEN_RATE_LIMIT must be a number of at least 1/,
    );
  });
});
