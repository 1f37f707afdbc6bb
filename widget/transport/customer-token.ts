/**
 * The browser's anonymous customer token, kept per site: lets an anonymous customer see only their own tickets later.
 * Created only when a ticket is sent (`create`), so its presence tells the next page there are conversations to
 * follow (conversation/known.ts).
 */
import { customerKey } from "./customer-key.js";
import { uuid } from "./uuid.js";

export function customerToken(siteKey: string, create = true): string {
  const key = customerKey(siteKey);
  try {
    let token = localStorage.getItem(key);
    if (!token && create) {
      token = uuid();
      localStorage.setItem(key, token);
    }
    return token || "";
  } catch {
    return ""; // storage blocked (privacy mode, sandboxed iframe): tickets still work
  }
}
