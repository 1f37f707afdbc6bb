import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { assertKey, type BlobStore, toReadable } from "./blob-store.js";

/** Blobs as files under a directory (the embedded default: <HANDOFF_DATA_DIR>/blobs). Writes land whole or not at all. */
export function fsBlobStore(root: string): BlobStore {
  const path = (key: string) => {
    assertKey(key);
    return join(root, ...key.split("/"));
  };
  return {
    kind: "fs",
    async put(key, body) {
      const target = path(key);
      await mkdir(dirname(target), { recursive: true });
      const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        await pipeline(toReadable(body), createWriteStream(temp));
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      const target = path(key);
      try {
        await stat(target);
      } catch {
        return null;
      }
      return createReadStream(target);
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
    async list(prefix) {
      const dir = join(root, ...prefix.split("/").slice(0, -1));
      let entries: string[];
      try {
        entries = await readdir(dir, { recursive: true });
      } catch {
        return [];
      }
      const keys: string[] = [];
      for (const entry of entries) {
        const full = join(dir, entry);
        const key = relative(root, full).split(sep).join("/");
        if (!key.startsWith(prefix) || key.endsWith(".tmp")) continue;
        if ((await stat(full)).isFile()) keys.push(key);
      }
      return keys.sort();
    },
    async check() {
      await mkdir(root, { recursive: true });
    },
    async close() {},
  };
}
