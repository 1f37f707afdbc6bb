import { describe, expect, it } from "vitest";
import type { Db } from "../../server/db/client.js";
import { openBlobStore, storageConfigFromEnv } from "../../server/storage/open-blob-store.js";

const db = {} as Db;

describe("which blob store a deployment gets", () => {
  it("S3 when a bucket is configured, with its settings from HANDOFF_S3_*", () => {
    const storage = storageConfigFromEnv({
      HANDOFF_S3_BUCKET: "recordings",
      HANDOFF_S3_ENDPOINT: "http://minio:9000",
      HANDOFF_S3_FORCE_PATH_STYLE: "true",
    });
    expect(storage.s3).toMatchObject({
      bucket: "recordings",
      endpoint: "http://minio:9000",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(openBlobStore(storage, { db, dataDir: "/data", sharedDatabase: true }).kind).toBe("s3");
  });

  it("the data directory for the embedded database, PostgreSQL for a shared one, and an explicit choice wins", () => {
    const none = storageConfigFromEnv({});
    expect(openBlobStore(none, { db, dataDir: "/data", sharedDatabase: false }).kind).toBe("fs");
    expect(openBlobStore(none, { db, dataDir: "/data", sharedDatabase: true }).kind).toBe("postgres");
    expect(openBlobStore(none, { db, dataDir: undefined, sharedDatabase: false }).kind).toBe("postgres");
    const fs = storageConfigFromEnv({ HANDOFF_BLOB_STORE: "fs" });
    expect(openBlobStore(fs, { db, dataDir: "/data", sharedDatabase: true }).kind).toBe("fs");
  });

  it("refuses a misconfiguration at start instead of losing uploads later", () => {
    expect(() => storageConfigFromEnv({ HANDOFF_BLOB_STORE: "ftp" })).toThrow(/must be s3, fs or postgres/);
    expect(() => storageConfigFromEnv({ HANDOFF_BLOB_STORE: "s3" })).toThrow(/needs HANDOFF_S3_BUCKET/);
  });

  it("stops the start on HANDOFF_S3_* settings that would be ignored or misread, naming the setting", () => {
    // An operator who set everything but the bucket (or mistyped its name) would get uploads in PostgreSQL.
    expect(() =>
      storageConfigFromEnv({ HANDOFF_S3_ENDPOINT: "http://minio:9000", HANDOFF_S3_BUCKT: "handoff" }),
    ).toThrow(/HANDOFF_S3_ENDPOINT is set but HANDOFF_S3_BUCKET is not/);
    const s3 = { HANDOFF_S3_BUCKET: "handoff", HANDOFF_S3_ACCESS_KEY_ID: "id", HANDOFF_S3_SECRET_ACCESS_KEY: "secret" };
    expect(() => storageConfigFromEnv({ ...s3, HANDOFF_S3_FORCE_PATH_STYLE: "ture" })).toThrow(
      /HANDOFF_S3_FORCE_PATH_STYLE must be true or false, got "ture"/,
    );
    expect(() => storageConfigFromEnv({ ...s3, HANDOFF_S3_ENDPOINT: "minio:9000" })).toThrow(
      /HANDOFF_S3_ENDPOINT must be a URL/,
    );
    expect(() => storageConfigFromEnv({ HANDOFF_S3_BUCKET: "handoff", HANDOFF_S3_ACCESS_KEY_ID: "id" })).toThrow(
      /HANDOFF_S3_ACCESS_KEY_ID is set without HANDOFF_S3_SECRET_ACCESS_KEY/,
    );
    // What the README shows still starts; an explicit other store may keep S3 settings around.
    expect(storageConfigFromEnv({ ...s3, HANDOFF_S3_FORCE_PATH_STYLE: "false" }).s3?.forcePathStyle).toBe(false);
    expect(storageConfigFromEnv({ HANDOFF_BLOB_STORE: "postgres", HANDOFF_S3_REGION: "eu-west-1" }).s3).toBeUndefined();
  });
});
