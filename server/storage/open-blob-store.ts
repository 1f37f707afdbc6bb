import { join } from "node:path";
import type { Db } from "../db/client.js";
import type { BlobStore } from "./blob-store.js";
import { fsBlobStore } from "./fs-store.js";
import { postgresBlobStore } from "./postgres-store.js";
import { s3BlobStore, type S3Settings } from "./s3-store.js";
import { reportingOutages } from "./storage-outage.js";

export interface StorageConfig {
  /** HANDOFF_BLOB_STORE: forces one kind; otherwise S3 when configured, else the data directory (embedded) or PostgreSQL. */
  kind?: "s3" | "fs" | "postgres";
  s3?: S3Settings;
}

export function storageConfigFromEnv(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = env.HANDOFF_BLOB_STORE as StorageConfig["kind"];
  if (kind && !["s3", "fs", "postgres"].includes(kind)) {
    throw new Error(`HANDOFF_BLOB_STORE must be s3, fs or postgres, got "${kind}"`);
  }
  const bucket = env.HANDOFF_S3_BUCKET;
  const s3: S3Settings | undefined = bucket
    ? {
        bucket,
        endpoint: env.HANDOFF_S3_ENDPOINT || undefined,
        region: env.HANDOFF_S3_REGION || "us-east-1",
        accessKeyId: env.HANDOFF_S3_ACCESS_KEY_ID || undefined,
        secretAccessKey: env.HANDOFF_S3_SECRET_ACCESS_KEY || undefined,
        forcePathStyle: /^(1|true|yes)$/i.test(env.HANDOFF_S3_FORCE_PATH_STYLE ?? ""),
      }
    : undefined;
  if (kind === "s3" && !s3) throw new Error("HANDOFF_BLOB_STORE=s3 needs HANDOFF_S3_BUCKET");
  return { kind, s3 };
}

/**
 * Picks the blob store: S3 when configured; the data directory when the database is the embedded one (one process,
 * one disk); PostgreSQL for a shared database without object storage (several processes must see the same blobs).
 */
export function openBlobStore(
  storage: StorageConfig,
  deps: { db: Db; dataDir: string | undefined; sharedDatabase: boolean },
): BlobStore {
  const kind = storage.kind ?? (storage.s3 ? "s3" : deps.dataDir && !deps.sharedDatabase ? "fs" : "postgres");
  if (kind === "s3" && storage.s3) return reportingOutages(s3BlobStore(storage.s3));
  if (kind === "fs" && deps.dataDir) return reportingOutages(fsBlobStore(join(deps.dataDir, "blobs")));
  return postgresBlobStore(deps.db);
}
