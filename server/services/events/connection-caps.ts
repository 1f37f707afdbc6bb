import { ServiceError } from "../service-error.js";

/** Open streams per key (agent, customer, address) in this process; a cap beyond which new streams get 429. */
export class ConnectionCaps {
  private readonly open = new Map<string, number>();

  /** Takes one slot under every key or none; returns the release. */
  acquire(keys: { key: string; max: number }[]): () => void {
    for (const { key, max } of keys) {
      if ((this.open.get(key) ?? 0) >= max) {
        throw new ServiceError(
          "rate_limited",
          "Too many open event streams; close another tab or try later",
          undefined,
          30,
        );
      }
    }
    for (const { key } of keys) this.open.set(key, (this.open.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const { key } of keys) {
        const n = (this.open.get(key) ?? 1) - 1;
        if (n <= 0) this.open.delete(key);
        else this.open.set(key, n);
      }
    };
  }
}
