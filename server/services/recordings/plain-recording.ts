import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { isPackedRecording, unpackEvents } from "../../../shared/recording-pack.js";

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);
/** gzip of `{"format":"handoff-packed-1",...`: a plain recording is a JSON array and starts with "[". */
const OBJECT_START = 0x7b;

/**
 * The stored recording as gzip of a plain array of rrweb events. Uploads are stored as sent (the widget's packed
 * layout included) so that ingest never re-compresses; the rare replay unpacks it here instead.
 */
export async function plainRecordingGzip(stored: Buffer): Promise<Buffer> {
  const raw = await gunzipAsync(stored);
  if (raw[0] !== OBJECT_START) return stored;
  const packed = JSON.parse(raw.toString("utf8"));
  return isPackedRecording(packed) ? gzipAsync(JSON.stringify(unpackEvents(packed))) : stored;
}
