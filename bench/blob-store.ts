/**
 * Puts and gets 150 KB blobs (a typical gzipped recording) through each blob store, 8 at a time, and prints the rate:
 * the data directory, S3 over HTTP (s3rver, in this process) and the PostgreSQL fallback (PGlite, or DATABASE_URL).
 * Usage: npx tsx bench/blob-store.ts [count]   (DATABASE_URL, if set, must be a scratch database: it is migrated
 * and written to)
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../server/db/client.js";
import { type BlobStore, readAll } from "../server/storage/blob-store.js";
import { fsBlobStore } from "../server/storage/fs-store.js";
import { postgresBlobStore } from "../server/storage/postgres-store.js";
import { s3BlobStore } from "../server/storage/s3-store.js";
import { startS3 } from "../tests/helpers/s3.js";

const count = Number(process.argv[2] ?? 200);
const blob = randomBytes(150 * 1024);

async function measure(name: string, store: BlobStore) {
  const keys = Array.from({ length: count }, (_, i) => `ws/bench/tickets/${i}/recording.json.gz`);
  const run = async (work: (key: string) => Promise<unknown>) => {
    const started = performance.now();
    const queue = [...keys];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let key = queue.shift(); key; key = queue.shift()) await work(key);
      }),
    );
    return count / ((performance.now() - started) / 1000);
  };
  const puts = await run((key) => store.put(key, blob));
  const gets = await run(async (key) => readAll((await store.get(key))!));
  const mbs = (rate: number) => ((rate * blob.byteLength) / 1024 / 1024).toFixed(1);
  console.log(
    `${name.padEnd(22)} put ${puts.toFixed(0).padStart(5)}/s (${mbs(puts)} MB/s)   get ${gets.toFixed(0).padStart(5)}/s (${mbs(gets)} MB/s)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "handoff-bench-blobs-"));
const s3 = await startS3("bench");
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
try {
  console.log(`${count} blobs of 150 KB, 8 concurrent`);
  await measure("data directory", fsBlobStore(dir));
  const s3Store = s3BlobStore(s3.settings);
  await measure("S3 (s3rver, HTTP)", s3Store);
  await s3Store.close();
  await measure(`PostgreSQL (${database.kind})`, postgresBlobStore(database.db));
} finally {
  rmSync(dir, { recursive: true, force: true });
  await s3.close();
  await database.close();
}
