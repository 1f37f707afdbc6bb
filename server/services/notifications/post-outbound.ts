import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { BlockedTargetError, guardedLookup, isPrivateAddress } from "./outbound-guard.js";

export interface OutboundResult {
  status: number;
  /** The first KB of the response, for the delivery log. */
  excerpt: string;
  latencyMs: number;
}

const EXCERPT_BYTES = 1024;
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs to a URL someone else controls: private addresses refused (unless allowed), a hard timeout, no redirects
 * followed, and at most 64 KB of the response read. Rejects on network errors; any HTTP status resolves.
 */
export function postOutbound(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<OutboundResult> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  const started = performance.now();
  // An IP literal never goes through lookup: check it here.
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !options.allowPrivate && isPrivateAddress(literal))
    return Promise.reject(new BlockedTargetError(literal));
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "Handoff-Webhooks/1", ...headers },
        lookup: guardedLookup(options.allowPrivate) as never,
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          else res.destroy();
        });
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            excerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8"),
            latencyMs: Math.round(performance.now() - started),
          });
        res.on("end", done);
        res.on("close", done);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No response within ${options.timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}
