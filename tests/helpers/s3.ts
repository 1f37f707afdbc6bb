import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IncomingMessage } from "node:http";
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
  keepOnlyCompletePuts(server);
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

/**
 * s3rver writes a PUT into the object's file as its bytes arrive and keeps what came before a dropped connection (it
 * even creates the file after a DELETE sent in the meantime); S3 and MinIO store a PUT only once its whole body has
 * arrived. Here s3rver takes a PUT's body whole first and refuses one whose connection dropped, as they do, so the
 * tests check what Handoff does with a failed upload, not this quirk of the test server.
 */
function keepOnlyCompletePuts(server: S3rver) {
  const store = (server as unknown as { store: { putObject(object: { content: unknown }): Promise<unknown> } }).store;
  const putObject = store.putObject.bind(store);
  store.putObject = async (object) => {
    // A PUT's body is the request; a completed multipart upload's is its parts, already whole.
    if (!(object.content instanceof IncomingMessage)) return putObject(object);
    const request = object.content;
    const body = await new Promise<Buffer>((resolve, reject) => {
      const parts: Buffer[] = [];
      request.on("data", (part: Buffer) => parts.push(part));
      request.on("end", () =>
        request.complete ? resolve(Buffer.concat(parts)) : reject(new Error("incomplete body")),
      );
      request.on("error", reject);
      request.on("close", () => request.complete || reject(new Error("connection dropped")));
    });
    object.content = body;
    return putObject(object);
  };
}
