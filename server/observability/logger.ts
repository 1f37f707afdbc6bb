import pino from "pino";

/**
 * One JSON line per event on stdout (pino). Never logs headers, cookies, query strings or bodies: site keys, upload
 * and customer tokens travel in them; the redact list is a second line of defence for whatever is passed by mistake.
 */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const wanted = process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info");

// An unknown LOG_LEVEL would make pino throw as this module loads, a stack trace before any message: it logs at info
// here, and loadConfig stops the start naming the setting (server/config.ts).
export const logger = pino({
  level: (LOG_LEVELS as readonly string[]).includes(wanted) ? wanted : "info",
  base: { service: "handoff", pid: process.pid },
  redact: {
    paths: ["*.password", "*.token", "*.uploadToken", "*.authorization", "*.cookie", "*.secret", "*.identitySecret"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
