import { ServiceError } from "../service-error.js";

/**
 * Uploads this process inflates at once: each may hold one event and its compressed bytes (tens of MB), so a burst
 * beyond this waits its turn on the client (429 + Retry-After, which the widget's outbox honours).
 */
export function createUploadSlots(capacity: number) {
  let busy = 0;
  return {
    /** A slot and its release, or 429 when all are taken. */
    acquire(): () => void {
      if (busy >= capacity) {
        throw new ServiceError(
          "rate_limited",
          "The server is busy receiving other recordings; retry shortly",
          undefined,
          5,
        );
      }
      busy++;
      let released = false;
      return () => {
        if (!released) busy--;
        released = true;
      };
    },
    get busy() {
      return busy;
    },
  };
}
