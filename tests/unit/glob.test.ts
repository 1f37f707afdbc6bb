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
    // CPU time (µs), not wall time: on a loaded box the wall clock also counts other processes' turns.
    const start = process.cpuUsage();
    expect(urlMatches("*/*/*/*/*/*/*/*/*/*/x", url)).toBe(false);
    const { user, system } = process.cpuUsage(start);
    expect((user + system) / 1000).toBeLessThan(10);
  });
});
