import { createHmac } from "node:crypto";
import { safeEqual } from "./crypto.js";

/** HS256 JSON Web Tokens, the shape Intercom-style identity verification uses; only what identify() needs. */
const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${HEADER}.${payload}.${createHmac("sha256", secret).update(`${HEADER}.${payload}`).digest("base64url")}`;
}

/** Why a token did not verify, in words for the developer who signed it (never anything about the secret). */
export type Hs256Result = { claims: Record<string, unknown> } | { problem: string };

/**
 * The claims of a token signed with `secret` whose `exp` (seconds) is still ahead, or why not. Only alg HS256 is
 * accepted, whatever the header says, so "none" or an RSA key confusion cannot pass.
 */
export function checkHs256(token: string, secret: string, now = Date.now()): Hs256Result {
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 4096) return { problem: "is not a JWT (header.payload.signature)" };
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown };
    if (head.alg !== "HS256") return { problem: `uses alg ${String(head.alg)}; only HS256 is accepted` };
    const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
    if (!safeEqual(expected, signature))
      return { problem: "is not signed with this site key's identity secret (Admin > Widget settings)" };
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return { problem: "has no claims object" };
    if (typeof claims.exp !== "number") return { problem: "has no exp claim (seconds since 1970)" };
    if (claims.exp * 1000 <= now) return { problem: `expired at ${new Date(claims.exp * 1000).toISOString()}` };
    return { claims };
  } catch {
    return { problem: "is not a JWT (its parts are not base64url JSON)" };
  }
}

/** The claims of a valid token (see checkHs256), or undefined. */
export function verifyHs256(token: string, secret: string, now = Date.now()): Record<string, unknown> | undefined {
  const result = checkHs256(token, secret, now);
  return "claims" in result ? result.claims : undefined;
}
