import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { connectionOptions } from "../../server/db/client.js";
import { EVENTS_PATHS } from "../../shared/events-api.js";
import { DATABASE_KINDS } from "../helpers/databases.js";
import { startServerProcess, waitFor } from "../helpers/server-processes.js";
import { ADMIN, sampleEvents, ticketBody } from "../helpers/test-app.js";

/** A real server process told to stop (docker stop, a rolling deploy) while it is busy. */
describe.each(DATABASE_KINDS)("SIGTERM on %s", (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function environment(): Promise<Record<string, string>> {
    if (kind === "pglite") {
      const dir = mkdtempSync(join(tmpdir(), "handoff-shutdown-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return { HANDOFF_DATA_DIR: join(dir, "data") };
    }
    const base = process.env.TEST_DATABASE_URL!;
    const name = `handoff_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(connectionOptions(base, 1));
    await admin.unsafe(`create database "${name}"`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    });
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString(), HANDOFF_DEMO: "1" };
  }

  it("finishes the upload in flight, ends live streams and exits 0", async () => {
    const server = await startServerProcess({
      ...(await environment()),
      HANDOFF_ADMIN_EMAIL: ADMIN.email,
      HANDOFF_ADMIN_PASSWORD: ADMIN.password,
      HANDOFF_SHUTDOWN_GRACE_SECONDS: "60",
    });
    cleanups.push(() => server.stop());
    const { url } = server;
    const headers = { "Content-Type": "application/json", Origin: url };

    const filed = await fetch(`${url}/api/v1/widget/tickets`, {
      method: "POST",
      headers: { ...headers, "X-Handoff-Key": "pk_demo" },
      body: JSON.stringify(ticketBody({ pageUrl: `${url}/demo/` })),
    });
    expect(filed.status).toBe(201);
    const ticket = (await filed.json()) as { id: string; uploadToken: string };
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

    // An agent's live stream, open and past its first bytes.
    const live = await fetch(`${url}${EVENTS_PATHS.agent}`, { headers: { Cookie: cookie } });
    expect(live.status).toBe(200);
    const reader = live.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("retry:");

    // A recording upload whose first half has arrived when the signal comes.
    const inFlight = () =>
      fetch(`${url}/metrics`)
        .then((r) => r.text())
        .then((text) => Number(text.match(/^handoff_http_requests_in_flight(?:\{[^}]*\})? (\S+)/m)?.[1] ?? 0));
    const idle = await inFlight();
    const gzip = gzipSync(JSON.stringify(sampleEvents()));
    const half = Math.floor(gzip.byteLength / 2);
    let answered!: (status: number) => void;
    const uploadStatus = new Promise<number>((resolve) => (answered = resolve));
    const upload = request(`${url}/api/v1/widget/tickets/${ticket.id}/recording`, {
      method: "PUT",
      headers: {
        Origin: url,
        Authorization: `Bearer ${ticket.uploadToken}`,
        "Content-Type": "application/octet-stream",
        "Content-Length": String(gzip.byteLength),
      },
    });
    upload.on("response", (res) => {
      res.resume();
      answered(res.statusCode ?? 0);
    });
    upload.on("error", () => answered(-1));
    upload.write(gzip.subarray(0, half));
    await waitFor(async () => (await inFlight()) > idle, 30_000, "the upload to be in flight");

    const exited = new Promise<number | null>((resolve) => server.process.once("exit", (code) => resolve(code)));
    server.process.kill("SIGTERM");

    // The stream ends (the client reconnects elsewhere with Last-Event-ID) while the process is still draining.
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
    expect(server.process.exitCode).toBeNull();

    upload.end(gzip.subarray(half));
    expect(await uploadStatus).toBe(204);
    expect(await exited).toBe(0);
  }, 180_000);
});
