/**
 * One-shot: moves recordings stored in the database (bytea, before blob storage) to the configured blob store
 * (HANDOFF_S3_*, or the data directory). Safe to run again; safe while the server runs. Next to main.ts so that the
 * production build (and the Docker image, which has dist/ only) has it: `npm run migrate:blobs:prod`.
 */
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { openBlobStore } from "./storage/open-blob-store.js";
import { moveLegacyRecordings } from "./services/recordings/move-legacy-recordings.js";

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const blobs = openBlobStore(config.storage, {
  db: database.db,
  dataDir: config.dataDir,
  sharedDatabase: database.kind === "postgres",
});
try {
  if (blobs.kind === "postgres") {
    console.log("The blob store is PostgreSQL (no HANDOFF_S3_BUCKET, no data directory): nothing to move.");
  } else {
    await blobs.check();
    const started = Date.now();
    const result = await moveLegacyRecordings(database.db, blobs, {
      onProgress: (moved) => console.log(`  ${moved} recordings moved…`),
    });
    const mb = (result.bytes / 1024 / 1024).toFixed(1);
    console.log(`Moved ${result.moved} recordings (${mb} MB) to ${blobs.kind} in ${Date.now() - started} ms.`);
  }
} finally {
  await blobs.close();
  await database.close();
}
