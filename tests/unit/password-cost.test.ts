import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, needsRehash, PRODUCTION_SCRYPT, verifyPassword } from "../../server/lib/crypto.js";

const costOf = (stored: string) => stored.split("$").slice(0, 4);

describe("password hashing cost", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is OWASP's scrypt cost (N=2^17, r=8, p=1) outside the test suite, whatever HANDOFF_TEST_SCRYPT_N says", async () => {
    expect(PRODUCTION_SCRYPT).toEqual({ N: 131072, r: 8, p: 1, keylen: 64 });
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("HANDOFF_TEST_SCRYPT_N", "1024");
    const stored = await hashPassword("correct horse battery staple");
    expect(costOf(stored)).toEqual(["scrypt", "131072", "8", "1"]);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    // A hash made at the test suite's cost is moved to OWASP's at the next login.
    expect(needsRehash("scrypt$1024$8$1$c2FsdA$aGFzaA")).toBe(true);
  });

  it("is lowered only by the test suite, and never raised or set to a non-power of two by it", async () => {
    vi.stubEnv("NODE_ENV", "test");
    vi.stubEnv("HANDOFF_TEST_SCRYPT_N", "1024");
    expect(costOf(await hashPassword("x"))).toEqual(["scrypt", "1024", "8", "1"]);
    for (const ignored of ["1000", "512", "1048576", "", "abc"]) {
      vi.stubEnv("HANDOFF_TEST_SCRYPT_N", ignored);
      expect(needsRehash("scrypt$65536$8$1$c2FsdA$aGFzaA")).toBe(true); // i.e. today's cost is OWASP's again
    }
  });
});
