import pino from "pino";

/**
 * One JSON line per event on stdout (pino). Never logs headers, cookies, query strings or bodies: site keys, upload
 * and customer tokens travel in them; the redact list is a second line of defence for whatever is passed by mistake.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "handoff", pid: process.pid },
  redact: {
    paths: ["*.password", "*.token", "*.uploadToken", "*.authorization", "*.cookie", "*.secret", "*.identitySecret"],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;
