/**
 * Checkouts: a fresh full snapshot now and then, so the rolling buffer can drop what is older than its window. On a
 * large page a full snapshot is one long task (a 2,000-row table: 0.3-1.5 s on a busy 2-core machine) that freezes
 * the page, so a checkout is skipped while the last one is more recent than `min` or than 100 times what it took
 * (under 1 % of the page's time). `start` is when the first snapshot (record()'s own) began; it ended just now.
 */
export function pacedCheckout(snapshot: () => void, start: number): (min: number) => void {
  let last = Date.now();
  let cost = last - start;
  return (min) => {
    const begin = Date.now();
    if (begin - last < Math.max(min, cost * 100)) return;
    snapshot();
    last = Date.now();
    cost = last - begin;
  };
}
