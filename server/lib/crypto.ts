import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/** OWASP's scrypt cost (N=2^17, r=8, p=1): 128 MB and a few hundred ms per hash. */
export const PRODUCTION_SCRYPT = { N: 2 ** 17, r: 8, p: 1, keylen: 64 };

/**
 * The cost new hashes get: OWASP's, except in the test suite (NODE_ENV=test), which may lower N with
 * HANDOFF_TEST_SCRYPT_N (a power of two, at least 1024) because it logs in hundreds of times at up to a second
 * each on a loaded 2-core box. Outside NODE_ENV=test the variable is ignored, so no deployment weakens its hashes.
 */
function scryptCost(): typeof PRODUCTION_SCRYPT {
  if (process.env.NODE_ENV !== "test") return PRODUCTION_SCRYPT;
  const N = Number(process.env.HANDOFF_TEST_SCRYPT_N);
  return Number.isInteger(Math.log2(N)) && N >= 1024 && N < PRODUCTION_SCRYPT.N
    ? { ...PRODUCTION_SCRYPT, N }
    : PRODUCTION_SCRYPT;
}

/** Hashes run at once: each holds 128 MB, so a login burst queues instead of exhausting memory. */
const MAX_PARALLEL_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function scryptAsync(password: string, salt: Buffer, keylen: number, opts: { N: number; r: number; p: number }) {
  if (running >= MAX_PARALLEL_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password, salt, keylen, { ...opts, maxmem: 129 * opts.N * opts.r + 1024 * 1024 }, (err, key) =>
        err ? reject(err) : resolve(key),
      ),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** A stored hash made with weaker parameters than today's: rehash it at the next successful login. */
export function needsRehash(stored: string): boolean {
  const [algo, N, r, p] = stored.split("$");
  const SCRYPT = scryptCost();
  return algo !== "scrypt" || Number(N) < SCRYPT.N || Number(r) !== SCRYPT.r || Number(p) !== SCRYPT.p;
}

/** Format: scrypt$N$r$p$salt$hash (base64url), so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const SCRYPT = scryptCost();
  const key = await scryptAsync(password, salt, SCRYPT.keylen, SCRYPT);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, N, r, p, salt, hash] = stored.split("$");
  if (algo !== "scrypt" || !salt || !hash || !(+N! <= 2 ** 20)) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scryptAsync(password, Buffer.from(salt, "base64url"), expected.length, { N: +N, r: +r, p: +p });
  return timingSafeEqual(key, expected);
}

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const hmacHex = (secret: string, value: string) => createHmac("sha256", secret).update(value).digest("hex");
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Constant-time string compare that does not leak length through an early return on content. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
