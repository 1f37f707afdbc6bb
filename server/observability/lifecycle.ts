/**
 * /readyz answers 503 while either is true: `starting` until startServer has bootstrapped and started its jobs (the
 * port opens before that), `draining` once shutdown begins, so the load balancer stops sending while requests drain.
 */
export const lifecycle = { starting: false, draining: false };

const onDrain = new Set<() => void>();

/**
 * Runs `end` when shutdown begins (live streams end then, so their clients reconnect to another process with
 * Last-Event-ID instead of holding this one open until the grace period cuts them). Returns its removal.
 */
export function whenDraining(end: () => void): () => void {
  if (lifecycle.draining) {
    queueMicrotask(end);
    return () => {};
  }
  onDrain.add(end);
  return () => onDrain.delete(end);
}

/** Starts the shutdown: not ready any more, and every live stream ends now. */
export function startDraining(): void {
  lifecycle.draining = true;
  for (const end of [...onDrain]) end();
  onDrain.clear();
}
