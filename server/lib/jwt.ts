import { createHmac } from "node:crypto";
import { safeEqual } from "./crypto.js";

/** HS256 JSON Web Tokens, the shape Intercom-style identity verification uses; only what identify() needs. */
const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

export function signHs256(claims: Record<string, unknown>, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${HEADER}.${payload}.${createHmac("sha256", secret).update(`${HEADER}.${payload}`).digest("base64url")}`;
}

/**
 * The claims of a token signed with `secret` whose `exp` (seconds) is still ahead, or undefined. Only alg HS256 is
 * accepted, whatever the header says, so "none" or an RSA key confusion cannot pass.
 */
export function verifyHs256(token: string, secret: string, now = Date.now()): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || token.length > 4096) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const head = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: unknown };
    if (head.alg !== "HS256") return undefined;
    const expected = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
    if (!safeEqual(expected, signature)) return undefined;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return undefined;
    if (typeof claims.exp !== "number" || claims.exp * 1000 <= now) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
