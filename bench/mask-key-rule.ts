/**
 * How well the "long run of letters is a key" rule in widget/capture/patterns.ts (looksRandom) tells random keys from
 * real identifiers: random keys of letters only (32 and 40 characters, A-Z and a-z) it leaves readable, and real
 * identifiers of 32+ letters (every one in the .d.ts files under node_modules: DOM, TypeScript, AWS SDK, Playwright...)
 * it masks. Both figures printed; a key of letters only is the hard case (no digit to go by).
 *   npx tsx bench/mask-key-rule.ts [keys=100000]
 */
import { execFileSync } from "node:child_process";
import { maskPatterns } from "../widget/capture/patterns.js";

const count = Number(process.argv[2] ?? 100_000);
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const key = (n: number) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * 52)]).join("");
const readable = (text: string) => maskPatterns(text) === text;

for (const n of [32, 40]) {
  let missed = 0;
  for (let i = 0; i < count; i++) if (readable(key(n))) missed++;
  console.log(`random keys of ${n} letters left readable: ${missed} of ${count} (1 in ${Math.round(count / missed)})`);
}
const names = execFileSync(
  "sh",
  ["-c", "find node_modules -name '*.d.ts' -print0 | xargs -0 cat | grep -oE '\\b[A-Za-z]{32,}\\b' | sort -u"],
  { encoding: "utf8", maxBuffer: 1 << 28 },
)
  .split("\n")
  .filter((name) => /[a-z]/.test(name) && /[A-Z]/.test(name));
const masked = names.filter((name) => !readable(name));
console.log(`real identifiers of 32+ letters masked: ${masked.length} of ${names.length}`);
for (const name of masked) console.log(`  ${name}`);
