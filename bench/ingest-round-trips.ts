/**
 * Statements and commits per widget ticket and per recording upload, counted at the driver: the ingest path's cost is
 * its round trips. Runs the app in-process on a scratch PostgreSQL database (no HTTP), files TICKETS tickets from
 * CLIENTS concurrent callers, then uploads a recording to each of RECORDINGS of them, and prints each statement's
 * first words with how often it ran per operation, background work (outbox flush, sweeps) included.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/ingest-round-trips.ts [tickets=200]
 */
import { gzipSync } from "node:zlib";
import type { Sql } from "postgres";
import { packEvents } from "../shared/recording-pack.js";
import { freshDatabase } from "../tests/helpers/databases.js";
import { CUSTOMER_ORIGIN, createTestApp, ticketBody } from "../tests/helpers/test-app.js";
import { fakeRecordingEvents } from "./ingest-recording.js";

const TICKETS = Number(process.argv[2] ?? 200);
const CLIENTS = 8;
const database = await freshDatabase("postgres");
const t = await createTestApp(database, { uploadConcurrency: CLIENTS });
const counts = new Map<string, number>();
let commits = 0;
const label = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 90);
const count = (text: string) => counts.set(label(text), (counts.get(label(text)) ?? 0) + 1);

/** Counts every statement sent through `client`, and those of the transactions it begins. */
function watch(client: Sql) {
  // The descriptor, not the property: preparedStatements' proxy answers `unsafe` with a wrapper that reads it again.
  const unsafe = (Object.getOwnPropertyDescriptor(client, "unsafe")!.value as Sql["unsafe"]).bind(client);
  (client as { unsafe: unknown }).unsafe = (text: string, ...rest: unknown[]) => {
    count(text);
    return (unsafe as (...a: unknown[]) => unknown)(text, ...rest);
  };
  const begin = (Object.getOwnPropertyDescriptor(client, "begin")?.value as Sql["begin"] | undefined)?.bind(client);
  if (begin) {
    (client as { begin: unknown }).begin = (...args: unknown[]) => {
      const callback = args.at(-1) as (sql: Sql) => unknown;
      count("BEGIN … COMMIT");
      commits++;
      return (begin as (...a: unknown[]) => unknown)(...args.slice(0, -1), (sql: Sql) => {
        watch(sql);
        return callback(sql);
      });
    };
  }
}
watch((t.database.db as unknown as { $client: Sql }).$client);

async function measure(name: string, n: number, op: (i: number) => Promise<void>) {
  counts.clear();
  commits = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < n) await op(next++);
    }),
  );
  await new Promise((r) => setTimeout(r, 500)); // background work started by the requests
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${name}: ${(total / n).toFixed(2)} statements per operation (${(commits / n).toFixed(2)} BEGINs)`);
  for (const [text, c] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${(c / n).toFixed(2).padStart(6)}  ${text}`);
  }
}

const ids: { id: string; uploadToken: string }[] = [];
let seq = 0;
try {
  await measure("POST /tickets", TICKETS, async () => {
    const res = await t.createTicket(ticketBody(), { "X-Forwarded-For": `10.0.${++seq >> 8}.${seq & 255}` });
    if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
    ids.push((await res.json()) as { id: string; uploadToken: string });
  });
  const gzip = gzipSync(JSON.stringify(packEvents(fakeRecordingEvents())));
  const uploads = Math.min(ids.length, 100);
  await measure("PUT recording", uploads, async (i) => {
    const res = await t.request(`/api/v1/widget/tickets/${ids[i]!.id}/recording`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/octet-stream",
        Origin: CUSTOMER_ORIGIN,
        Authorization: `Bearer ${ids[i]!.uploadToken}`,
      },
      body: gzip,
    });
    if (res.status !== 204) throw new Error(`${res.status} ${await res.text()}`);
  });
} finally {
  await database.close();
}
