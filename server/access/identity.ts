import type { Identity } from "../../shared/context.js";
import { hmacHex, safeEqual } from "../lib/crypto.js";
import { checkHs256 } from "../lib/jwt.js";
import type { Workspace } from "./find-widget-workspace.js";

/** The identity fields a signature can cover. */
export const IDENTITY_FIELDS = ["id", "email", "name", "company", "plan"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type IdentityValues = Partial<Record<IdentityField, string>>;

export interface CheckedIdentity {
  /** The trusted user id (JWT `sub`, or an id its userHash verifies); null when nothing verified. */
  userId: string | null;
  /** Every field as shown: signed values win over what the page claimed. */
  values: IdentityValues;
  /** The fields a valid signature covers: only these are shown as verified or drive routing. */
  verifiedFields: IdentityField[];
  /** A signature was sent but did not verify: why, for the developer (the widget prints it in the page's console). */
  problem?: string;
}

/**
 * Identity verification, the one place it is decided. Two ways, as the host app's backend chooses:
 * - `jwt`: HS256 with the workspace's identity secret; claims sub, email, name, company, plan, exp. Every claim it
 *   carries is verified.
 * - `userHash` (the older way): HMAC-SHA256(identity secret, id). It covers the id alone; email, name, company and
 *   plan stay unverified.
 */
export function checkIdentity(
  workspace: Pick<Workspace, "identitySecret">,
  identity: Identity | undefined,
  now = Date.now(),
): CheckedIdentity {
  const claimed: IdentityValues = {};
  for (const field of IDENTITY_FIELDS) if (identity?.[field]) claimed[field] = identity[field];
  let problem: string | undefined;
  if (identity?.jwt) {
    const result = checkHs256(identity.jwt, workspace.identitySecret, now);
    const claims = "claims" in result ? result.claims : undefined;
    const sub = claims?.sub;
    if ("problem" in result) problem = `the jwt ${result.problem}`;
    else if (typeof sub !== "string" || sub.length === 0 || sub.length > 200)
      problem = "the jwt has no sub claim (the user's id, up to 200 characters)";
    if (claims && typeof sub === "string" && sub.length > 0 && sub.length <= 200) {
      const signed: IdentityValues = { id: sub };
      for (const field of ["email", "name", "company", "plan"] as const) {
        const value = claims[field];
        if (typeof value === "string" && value.length <= 320) signed[field] = value;
      }
      return {
        userId: sub,
        // A claimed field the token does not cover stays, unverified; a signed one replaces it.
        values: { ...claimed, ...signed },
        verifiedFields: IDENTITY_FIELDS.filter((f) => signed[f] !== undefined),
      };
    }
  }
  if (
    identity?.id &&
    identity.userHash &&
    safeEqual(hmacHex(workspace.identitySecret, identity.id), identity.userHash.toLowerCase())
  ) {
    return { userId: identity.id, values: claimed, verifiedFields: ["id"] };
  }
  if (!problem && identity?.userHash)
    problem = identity.id
      ? "the userHash is not HMAC-SHA256(identity secret, id) in hex"
      : "a userHash was given without the id it signs";
  return { userId: null, values: claimed, verifiedFields: [], problem };
}

/** A stored identity's field, only if a signature covered it (e.g. the plan the routing matrix may trust). */
export function verifiedField(
  identity: ({ verifiedFields?: string[] | null } & IdentityValues) | null | undefined,
  field: IdentityField,
): string | null {
  return identity?.verifiedFields?.includes(field) ? (identity[field] ?? null) : null;
}
