import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "../../server/storage/s3-store.js";

export interface TestS3 {
  settings: S3Settings;
  /** Every object's bytes, read straight from the S3 server's directory (for scans). */
  directory: string;
  close(): Promise<void>;
}

/** A real S3-compatible server (s3rver) over HTTP on a random port, with an empty bucket. */
export async function startS3(bucket = "handoff-test"): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), "handoff-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    },
    directory,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
