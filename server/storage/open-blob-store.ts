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
  const s3: S3Settings | undefined = bucket ? s3SettingsFromEnv(env, bucket) : undefined;
  // S3 settings without a bucket would silently store every upload elsewhere (data directory or PostgreSQL).
  const stray = S3_SETTINGS.find((name) => env[name]);
  if (!bucket && stray && kind !== "fs" && kind !== "postgres") {
    throw new Error(
      `${stray} is set but HANDOFF_S3_BUCKET is not: recordings and attachments would not go to object storage. Set HANDOFF_S3_BUCKET, or unset the HANDOFF_S3_* settings`,
    );
  }
  if (kind === "s3" && !s3) throw new Error("HANDOFF_BLOB_STORE=s3 needs HANDOFF_S3_BUCKET");
  return { kind, s3 };
}

const S3_SETTINGS = [
  "HANDOFF_S3_ENDPOINT",
  "HANDOFF_S3_REGION",
  "HANDOFF_S3_ACCESS_KEY_ID",
  "HANDOFF_S3_SECRET_ACCESS_KEY",
  "HANDOFF_S3_FORCE_PATH_STYLE",
] as const;

/** Each setting checked as it is read: a typo stops the start naming it, not the first upload. */
function s3SettingsFromEnv(env: NodeJS.ProcessEnv, bucket: string): S3Settings {
  const endpoint = env.HANDOFF_S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[^/\s]+/i.test(endpoint)) {
    throw new Error(`HANDOFF_S3_ENDPOINT must be a URL such as http://minio:9000, got "${endpoint}"`);
  }
  const pathStyle = (env.HANDOFF_S3_FORCE_PATH_STYLE ?? "").trim();
  if (!/^(|1|0|true|false|yes|no)$/i.test(pathStyle)) {
    throw new Error(`HANDOFF_S3_FORCE_PATH_STYLE must be true or false, got "${pathStyle}"`);
  }
  const accessKeyId = env.HANDOFF_S3_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.HANDOFF_S3_SECRET_ACCESS_KEY || undefined;
  // One without the other would quietly fall back to the SDK's credential chain.
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error(
      `${accessKeyId ? "HANDOFF_S3_ACCESS_KEY_ID" : "HANDOFF_S3_SECRET_ACCESS_KEY"} is set without ${accessKeyId ? "HANDOFF_S3_SECRET_ACCESS_KEY" : "HANDOFF_S3_ACCESS_KEY_ID"}: set both, or neither for the SDK's default credentials`,
    );
  }
  return {
    bucket,
    endpoint,
    region: env.HANDOFF_S3_REGION || "us-east-1",
    accessKeyId,
    secretAccessKey,
    forcePathStyle: /^(1|true|yes)$/i.test(pathStyle),
  };
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
