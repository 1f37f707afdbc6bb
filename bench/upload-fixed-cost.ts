/**
 * The fixed server CPU of a recording upload: the app in-process on a scratch PostgreSQL database (no HTTP), one
 * caller uploading a tiny recording (~200 B gzip, so checking it costs next to nothing) to each of N tickets in turn;
 * prints the process's CPU per upload (token lookup, rate limit, blob statement, claim, the framework around them).
 * Run it alternately against another tree to compare (the box's load moves it by a millisecond either way).
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test NODE_ENV=test npx tsx bench/upload-fixed-cost.ts [uploads=300]
 */
import { gzipSync } from "node:zlib";
import { freshDatabase } from "../tests/helpers/databases.js";
import { CUSTOMER_ORIGIN, createTestApp, sampleEvents, ticketBody } from "../tests/helpers/test-app.js";

const UPLOADS = Number(process.argv[2] ?? 300);
const WARM_UP = 50;
const database = await freshDatabase("postgres");
try {
  // Each request from its own (trusted) forwarded address: the per-address limit is not what is measured.
  const t = await createTestApp(database, { uploadConcurrency: 8, trustProxy: { hops: 1 } });
  const tickets: { id: string; uploadToken: string }[] = [];
  for (let i = 0; i < UPLOADS + WARM_UP; i++) {
    const res = await t.createTicket(ticketBody(), { "X-Forwarded-For": `10.1.${i >> 8}.${i & 255}` });
    if (res.status !== 201) throw new Error(`POST tickets: ${res.status} ${await res.text()}`);
    tickets.push((await res.json()) as { id: string; uploadToken: string });
  }
  const gzip = gzipSync(JSON.stringify(sampleEvents()));
  const upload = async (i: number) => {
    const res = await t.request(`/api/v1/widget/tickets/${tickets[i]!.id}/recording`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/octet-stream",
        Origin: CUSTOMER_ORIGIN,
        Authorization: `Bearer ${tickets[i]!.uploadToken}`,
        "X-Forwarded-For": `10.2.${i >> 8}.${i & 255}`,
      },
      body: gzip,
    });
    if (res.status !== 204) throw new Error(`PUT recording: ${res.status} ${await res.text()}`);
  };
  for (let i = UPLOADS; i < UPLOADS + WARM_UP; i++) await upload(i);
  // The tickets' background work (triage, outbox) done before the timed part.
  await new Promise((r) => setTimeout(r, 1000));
  const before = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < UPLOADS; i++) await upload(i);
  const used = process.cpuUsage(before);
  console.log(
    `${UPLOADS} uploads of ${gzip.byteLength} B: server CPU ${((used.user + used.system) / 1000 / UPLOADS).toFixed(2)} ms an upload, ${((performance.now() - start) / UPLOADS).toFixed(2)} ms each`,
  );
} finally {
  await database.close();
}
