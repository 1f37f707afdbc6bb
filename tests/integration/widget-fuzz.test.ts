import { request } from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config.js";
import { type RunningServer, startServer } from "../../server/start.js";
import { prng, WEIRD } from "../helpers/fuzz.js";
import { CUSTOMER_ORIGIN, sampleEvents, ticketBody } from "../helpers/test-app.js";

const REQUESTS = 2400;

/** A valid body with one field (at any depth) replaced by something odd, or broken text. */
function mutate(value: unknown, rand: () => number): unknown {
  if (rand() < 0.25 || value === null || typeof value !== "object") return WEIRD[Math.floor(rand() * WEIRD.length)];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...(value as object) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || rand() < 0.1) copy[rand() < 0.5 ? "__proto__" : `extra${keys.length}`] = WEIRD[0];
  else {
    const key = keys[Math.floor(rand() * keys.length)]!;
    copy[key] = rand() < 0.2 ? undefined : mutate(copy[key], rand);
  }
  return copy;
}

function body(rand: () => number): Buffer {
  const roll = rand();
  const valid = ticketBody();
  if (roll < 0.6) return Buffer.from(JSON.stringify(mutate(valid, rand)) ?? "");
  if (roll < 0.75) return Buffer.from(JSON.stringify(valid).slice(0, Math.floor(rand() * 400)));
  if (roll < 0.85)
    return Buffer.from(Array.from({ length: Math.floor(rand() * 2000) }, () => Math.floor(rand() * 256)));
  if (roll < 0.93) return gzipSync(JSON.stringify(mutate(sampleEvents(), rand)) ?? "");
  return Buffer.from(`{"a":${"[".repeat(Math.floor(rand() * 100_000))}`);
}

describe("fuzzing the widget endpoints over real HTTP", () => {
  let server: RunningServer;
  let ticket: { id: string; uploadToken: string };
  beforeAll(async () => {
    const config = { ...loadConfig({ HANDOFF_ALLOWED_ORIGINS: CUSTOMER_ORIGIN }), port: 0, host: "127.0.0.1" };
    server = await startServer(config, { inMemory: true, host: "127.0.0.1" });
    const res = await fetch(`${server.url}/api/v1/widget/tickets`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: CUSTOMER_ORIGIN,
        "X-Handoff-Key": server.bootstrap.workspace.siteKey,
      },
      body: JSON.stringify(ticketBody()),
    });
    ticket = await res.json();
  });
  afterAll(() => server?.close());

  it(`answers ${REQUESTS} malformed widget requests without a 5xx or a dropped connection`, async () => {
    const rand = prng(20261203);
    const key = server.bootstrap.workspace.siteKey;
    const targets = [
      () => ({ method: "POST", path: "/api/v1/widget/tickets" }),
      () => ({ method: "PUT", path: `/api/v1/widget/tickets/${ticket.id}/recording` }),
      () => ({ method: "POST", path: `/api/v1/widget/tickets/${ticket.id}/messages` }),
      () => ({ method: "POST", path: `/api/v1/widget/tickets/${ticket.id}/feedback` }),
      () => ({
        method: "GET",
        path: `/api/v1/widget/updates?since=${Buffer.from(String(mutate("x", rand)))
          .toString("base64url")
          .slice(0, 500)}`,
      }),
      () => ({ method: "GET", path: "/api/v1/widget/conversations" }),
    ];
    const outcomes = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    async function worker() {
      while (next < REQUESTS) {
        const i = next++;
        const target = targets[Math.floor(rand() * targets.length)]!();
        const payload = target.method === "GET" ? undefined : body(rand);
        const headers: Record<string, string> = {
          Origin: rand() < 0.9 ? CUSTOMER_ORIGIN : "https://evil.example",
          "X-Handoff-Key": rand() < 0.9 ? key : "pk_garbage",
          "Content-Type": rand() < 0.5 ? "application/json" : "text/plain",
          "X-Handoff-Customer":
            rand() < 0.5
              ? "fuzz-customer-token-0123456789"
              : Buffer.from(String(mutate("t", rand)))
                  .toString("base64url")
                  .slice(0, 300),
        };
        if (rand() < 0.5) headers.Authorization = `Bearer ${rand() < 0.5 ? ticket.uploadToken : "garbage"}`;
        if (rand() < 0.3)
          headers["X-Handoff-User"] = encodeURIComponent(
            JSON.stringify(mutate({ id: "u", jwt: "a.b.c" }, rand)) ?? "",
          ).slice(0, 5000);
        // Each request from its own loopback address, so the per-address limit lets it reach the parser.
        const localAddress = `127.${1 + (i >> 16)}.${(i >> 8) & 255}.${i & 255 || 1}`;
        try {
          const status = await send(server.url, target.method, target.path, headers, payload, localAddress);
          const bucket = status >= 500 ? `${status} ${target.method} ${target.path.split("?")[0]}` : String(status);
          outcomes.set(bucket, (outcomes.get(bucket) ?? 0) + 1);
          if (status >= 500) failures.push(`#${i} ${target.method} ${target.path} -> ${status}`);
        } catch (error) {
          failures.push(`#${i} ${target.method} ${target.path} -> ${(error as NodeJS.ErrnoException).code ?? error}`);
        }
      }
    }
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(failures, JSON.stringify(Object.fromEntries(outcomes))).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 300_000);
});

function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  payload: Buffer | undefined,
  localAddress: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, localAddress, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}
