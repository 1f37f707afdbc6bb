/**
 * What pattern masking costs on long text: eight times the text must cost about eight times as much (split out of
 * widget-patterns-places.test.ts). Time figures belong in bench/mask-patterns.ts.
 */
import { describe, expect, test } from "vitest";
import { maskPatterns } from "../../widget/capture/patterns.js";
import { scrubText } from "../../widget/capture/scrub.js";
import { maskAcross } from "../../widget/recorder/runs.js";

describe("cost grows with the text's size, not faster", () => {
  // Near-misses that once made a pattern rescan the rest of the text from every position (quadratic or worse): eight
  // times the text must cost about eight times as much, not 64. Time figures belong in bench/mask-patterns.ts.
  const NEAR =
    "Order 12345 on 2024-05-01T12:34:56Z, INV-2024-000123, +1 (415) 555-0100, v1.2.3, 550e8400-e29b-41d4-a716-446655440000, $1,234.56, 4111 1111 1111 1112, #a1b2c3, @mention logo@2x.png, FY24 plan, Bearer token, ";
  const shapes: [string, (n: number) => string][] = [
    ["near-miss prose", (n) => NEAR.repeat(Math.ceil(n / NEAR.length)).slice(0, n)],
    ["one long word, an @ at the end", (n) => `${"a".repeat(n)}@`],
    ["dotted run, an @ at the end", (n) => `${"a.".repeat(n / 2)}@`],
    ["hex letters", (n) => "abcdefg".repeat(Math.ceil(n / 7)).slice(0, n)],
    ["eyJ then a long run", (n) => `eyJ${"a".repeat(n)}`],
    ["digits and spaces", (n) => "1 ".repeat(n / 2)],
    ["digit groups of four", (n) => "1234 ".repeat(n / 5)],
    ["IBAN-like groups", (n) => `DE89 ${"ABCD ".repeat(n / 5)}`],
    ["percent-encoded query", (n) => `q=${"a%20b%2C".repeat(n / 8)}%40`],
    ["spelled-out at and dot", (n) => "us at example dot ".repeat(n / 18)],
    ["French, chez and point", (n) => "nous chez moi point ".repeat(n / 20)],
    ["Spanish, arroba and punto", (n) => "yo arroba casa punto ".repeat(n / 21)],
    ["English at, punto, punto por punto", (n) => "yo at casa punto es punto por punto ".repeat(n / 36)],
    ["bracketed at, no domain", (n) => `${"a (at) ".repeat(n / 7)}b`],
    ["one spelled domain", (n) => `jane [at] ${"x [dot] ".repeat(n / 8)}`],
    ["bare at before real dots", (n) => "jane at x.y.z.a.b.c.d.e.f ".repeat(n / 26)],
    ["bare at in a stack", (n) => "Error at app.js:12 at Object.run (main.js:1:2)\n".repeat(n / 48)],
  ];
  // CPU time of this process, not wall time: on a loaded CI box the wall clock also counts the time other processes
  // had the core. The two sizes alternate, so whatever slows the process (a GC, a warm-up) falls on both alike.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const timed = (run: () => unknown) => {
    const started = cpuMs();
    run();
    return cpuMs() - started;
  };
  /** How much more one 200 KB input costs than eight 25 KB ones (best of 7 each, after a warm-up): about 1, not 8. */
  const costRatio = <T>(run: (input: T) => unknown, make: (n: number) => T) => {
    const piece = make(25_000);
    const whole = make(200_000);
    const eightSmall = () => {
      for (let i = 0; i < 8; i++) run(piece);
    };
    const once = () => run(whole);
    eightSmall(); // compiled and warm, as on a page that has been masking for a while
    once();
    let small = Number.POSITIVE_INFINITY;
    let large = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 7; i++) {
      small = Math.min(small, timed(eightSmall));
      large = Math.min(large, timed(once));
    }
    // Below a quarter of a millisecond, timer resolution: both count as instant.
    [small, large] = [Math.max(small, 0.25), Math.max(large, 0.25)];
    return [large / small, `8 x 25 KB ${small.toFixed(2)} ms, 200 KB ${large.toFixed(2)} ms`] as const;
  };
  test.each(shapes)("%s", (_, make) => {
    for (const run of [maskPatterns, scrubText]) {
      const [ratio, figures] = costRatio(run, make);
      expect(ratio, `${run.name}: ${figures}`).toBeLessThan(4);
    }
  });
  // A long block's text nodes (a paragraph, a row of cells in one block): masked around each boundary between them.
  const pieces: [string, (n: number) => string[]][] = [
    ["tiny pieces", (n) => Array.from({ length: n / 4 }, (_, i) => (i % 2 ? "ab@" : "c.de"))],
    ["an address across every boundary", (n) => Array.from({ length: n / 40 }, () => "Lorem ipsum dolor jane")],
    ["digit groups, one a piece", (n) => Array.from({ length: n / 5 }, () => "4111 ")],
  ];
  test.each(pieces)("long block: %s", (_, make) => {
    const [ratio, figures] = costRatio((texts: string[]) => maskAcross(texts, (t) => maskPatterns(t)), make);
    expect(ratio, figures).toBeLessThan(4);
  });
});
