import { afterEach, expect, test, vi } from "vitest";
import { every } from "../../server/lib/every.js";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test("a slow pass is not overlapped, a failed one is logged and the next tick runs, the teardown waits", async () => {
  vi.useFakeTimers();
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  let running = 0;
  let most = 0;
  let passes = 0;
  let finish!: () => void;
  const stop = every(100, "sweeper", async () => {
    passes++;
    running++;
    most = Math.max(most, running);
    try {
      if (passes === 1) throw new Error("database down");
      if (passes === 2) await new Promise<void>((resolve) => (finish = resolve));
    } finally {
      running--;
    }
  });
  await vi.advanceTimersByTimeAsync(100); // pass 1 fails
  expect(errors).toHaveBeenCalledWith("[sweeper] pass failed:", expect.any(Error));
  await vi.advanceTimersByTimeAsync(500); // pass 2 starts and hangs: four ticks skipped
  expect(passes).toBe(2);
  let stopped = false;
  const stopping = stop().then(() => (stopped = true));
  await vi.advanceTimersByTimeAsync(500);
  expect(stopped).toBe(false); // waits for the pass under way
  finish();
  await stopping;
  expect(stopped).toBe(true);
  expect(most).toBe(1);
  expect(passes).toBe(2); // no tick after the teardown
});
