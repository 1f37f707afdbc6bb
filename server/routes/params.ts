import type { Context } from "hono";
import { isUuid } from "../lib/uuid.js";
import { notFound, ServiceError } from "../services/service-error.js";

/** A path id that is not a uuid cannot name anything: 404, not a database error. */
export function uuidParam(c: Context, name: string, what: string): string {
  const value = c.req.param(name);
  if (!isUuid(value)) {
    // A reference (HO-42) is what people see in emails and webhooks; say this route takes the id instead.
    if (what === "Ticket" && /^[a-z]+-\d+$/i.test(value ?? ""))
      throw new ServiceError(
        "not_found",
        `Ticket not found: ${value} is a reference; this route takes the ticket's id (find it with GET /api/v1/tickets?q=${value})`,
      );
    throw notFound(what);
  }
  return value.toLowerCase();
}

/**
 * The Idempotency-Key header (as ticket creation's): the same request sent again answers as the first did. A key over
 * 200 characters is refused: cut to 200, two keys alike in their first 200 were one, and the second message was
 * answered with the first (or a 409) although the sender never reused a key.
 */
export function idempotencyKeyOf(c: Context): string | undefined {
  const key = c.req.header("Idempotency-Key")?.trim();
  if (key && key.length > IDEMPOTENCY_KEY_MAX) {
    throw new ServiceError("validation_failed", "The Idempotency-Key header is too long", [
      { path: "Idempotency-Key", message: `at most ${IDEMPOTENCY_KEY_MAX} characters` },
    ]);
  }
  return key || undefined;
}
const IDEMPOTENCY_KEY_MAX = 200;

/**
 * The query string, one value a name: a name given twice (status=open&status=closed) is a 422 naming it. Hono's
 * c.req.query() kept the first, so a script asking for two statuses silently got one.
 */
export function singleQuery(c: Context): Record<string, string> {
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
  if (repeated.length > 0) {
    throw new ServiceError(
      "validation_failed",
      `${repeated.length} field${repeated.length === 1 ? " is" : "s are"} invalid`,
      repeated.map(([name]) => ({ path: name, message: "given more than once; this API takes one value" })),
    );
  }
  return c.req.query();
}
