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

/** The Idempotency-Key header (as ticket creation's): the same request sent again answers as the first did. */
export const idempotencyKeyOf = (c: Context): string | undefined =>
  c.req.header("Idempotency-Key")?.trim().slice(0, 200) || undefined;
