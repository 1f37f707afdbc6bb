import type { BlobStore } from "./blob-store.js";
import type { S3Settings } from "./s3-store.js";
import { isStorageOutage } from "./storage-outage.js";

/** The bucket answered, and what it answered means the settings are wrong: no upload will ever be stored. */
export class BucketSettingsError extends Error {}

/**
 * At start, asks the bucket once. A bucket that does not exist, refused credentials or another region are the
 * operator's to fix and stop the start naming the setting; every upload would otherwise be a 500 a customer sees and
 * a log line nobody reads. A store that cannot be reached right now is an outage (files answered 503 and sent again
 * later, README): the start goes on and says so once. Resolves to that warning, if any.
 */
export async function checkBucketSettings(blobs: BlobStore, s3: S3Settings): Promise<string | undefined> {
  const error = await Promise.race([
    blobs.check().then(
      () => undefined,
      (e: unknown) => e ?? new Error("no answer"),
    ),
    new Promise<Error>((resolve) => setTimeout(() => resolve(timedOut()), 10_000).unref()),
  ]);
  if (!error) return undefined;
  const where = `the bucket "${s3.bucket}" at ${s3.endpoint ?? `AWS S3 (${s3.region})`}`;
  if (isStorageOutage(error)) {
    return `${where} cannot be reached (${reasonOf(error)}); tickets are filed, their recordings and files wait for it (503 with Retry-After)`;
  }
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status === 404) {
    throw new BucketSettingsError(
      `${where} does not exist (HANDOFF_S3_BUCKET): create it (kept private), or fix the name`,
    );
  }
  if (status === 401 || status === 403) {
    throw new BucketSettingsError(
      `${where} refused the credentials (HTTP ${status}): check HANDOFF_S3_ACCESS_KEY_ID and HANDOFF_S3_SECRET_ACCESS_KEY, and that they may read and write this bucket`,
    );
  }
  if (status === 301 || status === 400) {
    const region = (error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.[
      "x-amz-bucket-region"
    ];
    throw new BucketSettingsError(
      `${where} answered HTTP ${status}: ${region ? `it is in ${region}, not ${s3.region}` : "its region or address does not match"} (HANDOFF_S3_REGION, HANDOFF_S3_ENDPOINT, HANDOFF_S3_FORCE_PATH_STYLE)`,
    );
  }
  throw new BucketSettingsError(`${where} cannot be used: ${reasonOf(error)}${status ? ` (HTTP ${status})` : ""}`);
}

function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  return String(e.code ?? (e.name && e.name !== "Error" ? e.name : e.message) ?? "unknown");
}

function timedOut(): Error {
  return Object.assign(new Error("no answer within 10 s"), { name: "TimeoutError" });
}
