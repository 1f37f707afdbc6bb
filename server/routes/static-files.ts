/**
 * Reading built files for the static routes: never outside their root, the precompressed copy the client accepts
 * (scripts/precompress.ts writes `.br` and `.gz` next to each file), and a strong ETag per file and encoding so a
 * revalidation that finds nothing new costs a 304 without a body.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".woff2": "font/woff2",
};

export interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** "br" or "gzip" when body is the precompressed copy. */
  encoding?: "br" | "gzip";
  etag: string;
}

const ENCODINGS = [
  { name: "br", ext: ".br" },
  { name: "gzip", ext: ".gz" },
] as const;

/** Which encodings the client takes (q=0 excludes one), best first. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  return accepted;
}

// Built files do not change while the server runs, except on a rebuild: keyed by path, size and mtime.
const cache = new Map<string, { key: string; body: Uint8Array<ArrayBuffer>; etag: string }>();

async function load(path: string): Promise<{ body: Uint8Array<ArrayBuffer>; etag: string } | undefined> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return undefined;
  }
  if (!info.isFile()) return undefined;
  const key = `${info.size}:${info.mtimeMs}`;
  const hit = cache.get(path);
  if (hit?.key === key) return hit;
  const body = new Uint8Array(await readFile(path));
  // 66 bits of the file's hash tell two versions of one path apart; every header byte is on a visitor's wire.
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 11)}"`;
  if (cache.size > 500) cache.clear();
  const entry = { key, body, etag };
  cache.set(path, entry);
  return entry;
}

/** A file under root, or undefined; never outside root. The precompressed copy when the client accepts it. */
export async function readUnder(
  dir: string,
  relative: string,
  acceptEncoding?: string,
): Promise<StaticFile | undefined> {
  const root = resolve(dir);
  const path = normalize(join(root, relative));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  if (/\.(br|gz)$/.test(path)) return undefined; // only as the encoding of their file
  const plain = await load(path);
  if (!plain) return undefined;
  const type = MIME[extname(path)] ?? "application/octet-stream";
  const accepted = acceptedEncodings(acceptEncoding);
  for (const encoding of ENCODINGS) {
    if (!accepted.has(encoding.name)) continue;
    const packed = await load(path + encoding.ext);
    if (packed) return { body: packed.body, type, encoding: encoding.name, etag: packed.etag };
  }
  return { body: plain.body, type, etag: plain.etag };
}

/** Whether the client's If-None-Match already names this file's ETag (weak comparison, as for GET). */
export function isFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}
