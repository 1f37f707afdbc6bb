import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { z } from "zod";
import { issuesFromZod } from "../../shared/errors.js";
import { ServiceError } from "../services/service-error.js";

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** Reads the raw body, refusing it (413) as soon as it passes maxBytes, whatever Content-Length claimed. */
export async function readBodyBytes(c: Context, maxBytes: number): Promise<Uint8Array> {
  const length = c.req.header("content-length");
  const declared = Number(length);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  // Served by Node, a declared length is what its HTTP parser delivers, not a byte more: read in one go (the
  // adapter's direct read of the IncomingMessage), not chunk by chunk through a web stream made for the purpose.
  if (length && /^\d+$/.test(length) && (c.env as { incoming?: IncomingMessage } | undefined)?.incoming) {
    return new Uint8Array(await c.req.raw.arrayBuffer());
  }
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (maxBytes: number) =>
  new ServiceError("payload_too_large", `The request body is larger than the limit of ${kb(maxBytes)}`);

/** Size-limited JSON body validated by a shared schema: 413, 400 (not JSON) or 422 (one issue per field). */
export async function readJson<S extends z.ZodType>(c: Context, schema: S, maxBytes: number): Promise<z.infer<S>> {
  const text = new TextDecoder().decode(await readBodyBytes(c, maxBytes));
  return parseJson(text, schema);
}

export function parseJson<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ServiceError("bad_request", "The request body is not valid JSON");
  }
  // JSON can only carry U+0000 escaped: without the escape in the text there is nothing to strip.
  return validate(schema, raw, text.includes("\\u0000"));
}

export function validate<S extends z.ZodType>(schema: S, raw: unknown, mayHoldNul = true): z.infer<S> {
  const result = schema.safeParse(mayHoldNul ? withoutNul(raw) : raw);
  if (!result.success) {
    const issues = issuesFromZod(result.error);
    throw new ServiceError(
      "validation_failed",
      `${issues.length} field${issues.length === 1 ? " is" : "s are"} invalid`,
      issues,
    );
  }
  return result.data;
}

/**
 * U+0000 dropped from every string: PostgreSQL text cannot store it, so a pasted NUL in a subject, a reply or a
 * filter was a 500 and the customer's ticket was lost. The character is invisible; removing it changes nothing a
 * person wrote.
 */
function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\0") ? value.replaceAll("\0", "") : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [withoutNul(key), withoutNul(inner)]));
  }
  return value;
}
