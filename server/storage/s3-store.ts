import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { finished, Readable } from "node:stream";
import { assertKey, type BlobStore } from "./blob-store.js";

export interface S3Settings {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** How long a request to the store may go without a byte either way before it fails (default 30 s). */
  idleTimeoutMs?: number;
}

/** S3-compatible object storage (AWS S3, MinIO, R2…). The bucket stays private: the server streams every read. */
export function s3BlobStore(settings: S3Settings): BlobStore {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials:
      settings.accessKeyId && settings.secretAccessKey
        ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
        : undefined,
    // Without these a store that accepts connections but never answers (overloaded, half a network partition) holds
    // every upload and replay forever, and the upload slots with them; a timeout is an outage (503, retried later).
    requestHandler: { connectionTimeout: 5_000, socketTimeout: settings.idleTimeoutMs ?? 30_000 },
    // Only checksums the service asks for: S3-compatible stores (s3rver, older MinIO) reject the newer defaults.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;
  return {
    kind: "s3",
    async put(key, body, contentType, length) {
      assertKey(key);
      if (body instanceof Readable && length !== undefined) {
        // Its length known: one PUT that streams the body through as it arrives, nothing buffered here. A body that
        // fails or stops short aborts the request (the SDK would wait on it), so the bucket never gets the object.
        const abort = new AbortController();
        const stop = finished(body, (error) => {
          if (error) abort.abort(error);
        });
        try {
          await client.send(
            new PutObjectCommand({ Bucket, Key: key, Body: body, ContentLength: length, ContentType: contentType }),
            { abortSignal: abort.signal },
          );
        } catch (error) {
          // Some S3-compatible stores keep what arrived before the connection dropped: no partial object stays.
          if (abort.signal.aborted) await client.send(new DeleteObjectCommand({ Bucket, Key: key })).catch(() => {});
          throw error;
        } finally {
          stop();
        }
      } else if (body instanceof Readable) {
        // Multipart in 5 MB parts: a stream of unknown length is never held whole in memory.
        await new Upload({ client, params: { Bucket, Key: key, Body: body, ContentType: contentType } }).done();
      } else {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType }));
      }
    },
    async get(key) {
      assertKey(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return answer.Body as Readable;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async delete(key) {
      assertKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async list(prefix) {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
    async close() {
      client.destroy();
    },
  };
}
