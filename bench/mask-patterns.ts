/**
 * What pattern masking (widget/capture/patterns.ts) costs in the page: long texts of near-misses (a 100 KB text node,
 * console message or click label; best of 5), and the per-text cost on a busy page's cells (unique short texts, so
 * the cache does not answer), against the version at a git ref. Node, not a browser: V8's regex engine is the same,
 * the figures are indicative. The unit test (tests/unit/widget-patterns-cost.test.ts) only checks the scaling.
 *   npx tsx bench/mask-patterns.ts [ref=main]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { ROOT } from "../tests/helpers/paths.js";
import { maskPatterns } from "../widget/capture/patterns.js";
import { scrubText } from "../widget/capture/scrub.js";

const ref = process.argv[2] ?? "main";
const dir = `${ROOT}.tmp/bench-mask`;
mkdirSync(dir, { recursive: true });
writeFileSync(
  `${dir}/patterns-ref.ts`,
  execFileSync("git", ["show", `${ref}:widget/capture/patterns.ts`], { cwd: ROOT, encoding: "utf8" }),
);
const old = (await import(`${dir}/patterns-ref.ts`)) as { maskPatterns: typeof maskPatterns };

const NEAR =
  "Order 12345 on 2024-05-01T12:34:56Z, INV-2024-000123, +1 (415) 555-0100, v1.2.3, 550e8400-e29b-41d4-a716-446655440000, $1,234.56, 4111 1111 1111 1112, #a1b2c3, @mention logo@2x.png, FY24 plan, Bearer token, ";
const shapes: [string, (n: number) => string][] = [
  ["near-miss prose", (n) => NEAR.repeat(Math.ceil(n / NEAR.length)).slice(0, n)],
  ["one long word, an @ at the end", (n) => `${"a".repeat(n)}@`],
  ["hex letters", (n) => "abcdefg".repeat(Math.ceil(n / 7)).slice(0, n)],
  ["eyJ then a long run", (n) => `eyJ${"a".repeat(n)}`],
  [
    "base64 blob",
    (n) =>
      Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919) % 251))
        .toString("base64")
        .slice(0, n),
  ],
];

const time = (run: () => unknown, repeat: number) => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
};

console.log("Long texts, best of 5 (ms): this tree at 100 KB; the ref at 12.5 KB, once (it may be quadratic)");
for (const [name, make] of shapes) {
  const big = make(100_000);
  const small = make(12_500);
  const mask = time(() => maskPatterns(big), 5);
  const scrub = time(() => scrubText(big), 5);
  const before = time(() => old.maskPatterns(small), 1);
  console.log(
    `  ${name.padEnd(32)} maskPatterns ${mask.toFixed(1).padStart(6)}  scrubText ${scrub.toFixed(1).padStart(6)}  | ${ref} at 12.5 KB: ${before.toFixed(1)}`,
  );
}

// A busy page's cells: mostly plain, some with digits, a few with personal data. Unique, so every one is looked at.
const cells = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    switch (i % 8) {
      case 0:
        return `Order #${100000 + i} shipped`;
      case 1:
        return `€ ${(i % 997) + 0.5} incl. VAT ${i}`;
      case 2:
        return `Jane Doe ${i}`;
      case 3:
        return `2024-05-${(i % 28) + 1} 12:${i % 60}`;
      case 4:
        return `user${i}@example.com`;
      case 5:
        return `Pending review by the support team (${i})`;
      case 6:
        return `INV-2024-${String(i).padStart(6, "0")} due`;
      default:
        return `Row ${i}: updated 3 minutes ago by Alex Martin`;
    }
  });
const N = 200_000;
console.log(`\nShort texts (${N} unique cells), ns per text, best of 3:`);
for (const [label, fn] of [
  ["this tree", maskPatterns],
  [ref, old.maskPatterns],
] as const) {
  const ms = time(() => {
    for (const cell of cells(N)) fn(cell);
  }, 3);
  const build = time(() => cells(N), 3);
  console.log(`  ${label.padEnd(10)} ${(((ms - build) * 1e6) / N).toFixed(0)} ns`);
}
