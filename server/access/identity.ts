import type { Identity } from "../../shared/context.js";
import { hmacHex, safeEqual } from "../lib/crypto.js";
import type { Workspace } from "./find-widget-workspace.js";

/** The host app signs identify() with HMAC-SHA256(identity secret, user id); only then is the identity trusted. */
export function verifyIdentity(workspace: Pick<Workspace, "identitySecret">, identity: Identity | undefined): boolean {
  if (!identity?.id || !identity.userHash) return false;
  return safeEqual(hmacHex(workspace.identitySecret, identity.id), identity.userHash.toLowerCase());
}
