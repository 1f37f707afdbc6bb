/**
 * Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) next to every text asset of a build, once, so the server
 * sends compressed bytes without compressing per request (server/routes/static-files.ts picks by Accept-Encoding).
 * A compressed copy that would not be smaller is not written.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(js|mjs|css|html|json|svg|map)$/;

export function precompress(dir: string): number {
  let written = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      written += precompress(path);
      continue;
    }
    if (!TEXT.test(name)) continue;
    const raw = readFileSync(path);
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) {
      writeFileSync(`${path}.br`, br);
      written++;
    }
    if (gz.length < raw.length) {
      writeFileSync(`${path}.gz`, gz);
      written++;
    }
  }
  return written;
}
