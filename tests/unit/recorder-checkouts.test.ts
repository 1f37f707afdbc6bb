import { afterEach, describe, expect, it, vi } from "vitest";
import { pacedCheckout } from "../../widget/recorder/checkouts.js";

/**
 * A page whose full snapshot takes `snapshotMs`, asked for a checkout every 30 s (min 15 s, as the recorder does) and,
 * with `overflow`, every second for a segment over the size cap (min 5 s): the seconds at which snapshots were taken.
 */
function checkouts(snapshotMs: number, seconds: number, overflow = false): number[] {
  vi.useFakeTimers();
  const start = Date.now();
  const taken: number[] = [];
  vi.setSystemTime(start + snapshotMs); // record()'s own first snapshot
  const checkout = pacedCheckout(() => {
    taken.push(Math.round((Date.now() - start) / 1000));
    vi.setSystemTime(Date.now() + snapshotMs); // the snapshot's long task
  }, start);
  for (let s = 1; s <= seconds; s++) {
    vi.setSystemTime(start + s * 1000);
    if (s % 30 === 0) checkout(15_000);
    if (overflow) checkout(5000);
  }
  return taken;
}

describe("checkouts pace themselves by what a full snapshot costs", () => {
  afterEach(() => vi.useRealTimers());

  it("a small page: every 30 s, as the 60 s window needs", () => {
    expect(checkouts(5, 125)).toEqual([30, 60, 90, 120]);
  });

  it("a page whose snapshot takes 800 ms: the first checkout at 90 s, not 30 s, then no more often (1 % of its time)", () => {
    expect(checkouts(800, 250)).toEqual([90, 180]);
  });

  it("a segment over the size cap: a checkout at most every 5 s, and no sooner than the pace allows", () => {
    const cheap = checkouts(5, 30, true); // cheap snapshots: the cap is kept
    expect(cheap.length).toBeGreaterThanOrEqual(5);
    for (const [i, s] of cheap.entries()) expect(s - (cheap[i - 1] ?? 0)).toBeGreaterThanOrEqual(5);
    expect(checkouts(1500, 140, true)).toEqual([]); // 1.5 s snapshots: none before 150 s, whatever the cap says
  });
});
