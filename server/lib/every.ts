/**
 * Runs `pass` every intervalMs, never two at once (a slow pass makes the next tick skip, not pile up); a failed pass
 * is logged under `label` and the next tick tries again. The timer does not keep the process alive. Returns the
 * teardown, which waits for a pass under way.
 */
export function every(intervalMs: number, label: string, pass: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = pass()
      .catch((error) => console.error(`[${label}] pass failed:`, error))
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
