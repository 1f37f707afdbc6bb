/**
 * An error as it may be logged: its name, message, code and stack, its causes likewise, and never a failed query's
 * parameters. drizzle puts them in the message ("Failed query: … params: <values>"), and they are what a request
 * wrote: customers' emails and words, identity and webhook secrets, token hashes. Logged under `error`, not `err`:
 * pino's err serializer would fold the causes (and their codes) into one message.
 */
export interface LoggableError {
  name: string;
  message: string;
  code?: string;
  query?: string;
  stack?: string;
  cause?: LoggableError;
}

export function loggableError(error: unknown, depth = 0): LoggableError {
  if (!(error instanceof Error))
    return { name: "NonError", message: typeof error === "string" ? error : "(not an Error)" };
  const query = (error as { query?: unknown }).query;
  const hasParams = "params" in error || "parameters" in error;
  // The query's text has placeholders ($1…), not values; the message is rebuilt from it when parameters were there.
  const message = hasParams && typeof query === "string" ? `Failed query: ${query}` : error.message;
  const code = (error as { code?: unknown }).code;
  const frames = error.stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
  return {
    name: error.name,
    message,
    ...(typeof code === "string" ? { code } : {}),
    ...(frames ? { stack: `${error.name}: ${message}\n${frames}` } : {}),
    ...(error.cause !== undefined && depth < 4 ? { cause: loggableError(error.cause, depth + 1) } : {}),
  };
}
