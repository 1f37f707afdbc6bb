/** Errors that mean "this DATABASE_URL does not lead to a database we may use": the operator's to fix, not a bug. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "CONNECT_TIMEOUT",
  "28P01", // password authentication failed
  "28000", // no pg_hba.conf entry / role does not exist
  "3D000", // database does not exist
]);

/** Start-up could not reach PostgreSQL: where (never the password) and why, for a one-line message. */
export class DatabaseUnreachableError extends Error {
  /** `where`: host:port/database, as the URL names them (without user or password). */
  constructor(where: string, cause: Error) {
    super(`cannot use the PostgreSQL database at ${where} (DATABASE_URL): ${cause.message}`);
  }

  /** `error` as a DatabaseUnreachableError when it is a connection or login failure, else `error` itself. */
  static from(where: string, error: unknown): unknown {
    const code = (error as { code?: unknown } | undefined)?.code;
    return typeof code === "string" && CONNECTION_CODES.has(code)
      ? new DatabaseUnreachableError(where, error as Error)
      : error;
  }
}
