import { describe, expect, it } from "vitest";
import { globMatches } from "../../server/lib/glob.js";
import { urlMatches } from "../../server/services/routing/evaluate-matrix.js";

const viaRegex = (pattern: string, text: string) =>
  new RegExp(
    `^${pattern
      .split("*")
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*")}$`,
  ).test(text);

describe("matching admin-written URL globs", () => {
  it("agrees with the regex it replaces", () => {
    const patterns = ["*", "a*", "*a", "a*b", "*a*b*", "**", "ab", "*/api/*", "*://api.*", "a*a*a", "*aa*a"];
    const texts = ["", "a", "ab", "aab", "aaba", "https://x.example/api/v1", "https://api.x.example/", "aaa", "b"];
    for (const p of patterns) for (const t of texts) expect(globMatches(p, t), `${p} ~ ${t}`).toBe(viaRegex(p, t));
  });

  it("answers a pathological pattern on a long URL in well under 10 ms", () => {
    const url = `https://app.example/${"a/".repeat(100)}`;
    const start = performance.now();
    expect(urlMatches("*/*/*/*/*/*/*/*/*/*/x", url)).toBe(false);
    expect(performance.now() - start).toBeLessThan(10);
  });
});
