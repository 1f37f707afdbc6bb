import { describe, expect, test, vi } from "vitest";
import { maskPatterns } from "../../widget/capture/patterns.js";

// A large page's every checkout masks the same texts again: a list of 4,000 addresses is worked out once.
describe("pattern results kept between checkouts", () => {
  const texts = (from: number, n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => `${tag}.customer${from + i}@example.com`);

  test("4,000 addresses masked again come from what was kept, and count again for the preview", () => {
    const list = texts(0, 4000, "anna");
    const first = list.map((t) => maskPatterns(t));
    const replace = vi.spyOn(String.prototype, "replace");
    const counted: string[] = [];
    const again = list.map((t) => maskPatterns(t, (m) => counted.push(m)));
    expect(replace).not.toHaveBeenCalled();
    replace.mockRestore();
    expect(again).toEqual(first);
    expect(again[0]).toBe("a•••.•••••••••@e••••••.com");
    expect(counted).toHaveLength(4000);
  });

  test("what is kept stays bounded: after 300,000 characters of other text the first ones are worked out anew", () => {
    const early = texts(0, 10, "bert");
    for (const t of early) maskPatterns(t);
    for (const t of texts(0, 12_000, "carla")) maskPatterns(t); // ~27 characters each
    const replace = vi.spyOn(String.prototype, "replace");
    expect(maskPatterns(early[0])).toBe("b•••.•••••••••@e••••••.com");
    expect(replace).toHaveBeenCalled();
    replace.mockRestore();
  });
});
