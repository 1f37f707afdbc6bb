import type { Context } from "hono";
import { notFound } from "../services/service-error.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a uuid cannot name anything: 404, not a database error. */
export function uuidParam(c: Context, name: string, what: string): string {
  const value = c.req.param(name);
  if (!value || !UUID.test(value)) throw notFound(what);
  return value.toLowerCase();
}

/** The Idempotency-Key header (as ticket creation's): the same request sent again answers as the first did. */
export const idempotencyKeyOf = (c: Context): string | undefined =>
  c.req.header("Idempotency-Key")?.trim().slice(0, 200) || undefined;
