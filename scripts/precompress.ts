/**
 * Writes `<file>.br` (brotli 11) and `<file>.gz` (gzip) next to every text asset of a build, once, so the server
 * sends compressed bytes without compressing per request (server/routes/static-files.ts picks by Accept-Encoding).
 * A compressed copy that would not be smaller is not written.
 * `zopfli`: the gzip copies come from Zopfli (deflate-compatible, ~2.5 % smaller than gzip -9, slower to make): for the
 * widget, whose bytes every visitor of a customer's page downloads; the console keeps zlib's gzip -9.
 */
import { gzipAsync } from "@gfx/zopfli";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TEXT = /\.(js|mjs|css|html|json|svg|map)$/;
// More iterations gain a few bytes in all (tried: 15 and 30 against 5 on the widget) for twice the build time.
const ZOPFLI_ITERATIONS = 5;

export async function precompress(dir: string, options: { zopfli?: boolean } = {}): Promise<number> {
  let written = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      written += await precompress(path, options);
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
    const zlib = gzipSync(raw, { level: 9 });
    const zopfli = options.zopfli ? await gzipAsync(raw, { numiterations: ZOPFLI_ITERATIONS }) : undefined;
    const gz = zopfli && zopfli.length < zlib.length ? zopfli : zlib;
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
