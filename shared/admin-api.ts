import { z } from "zod";
import { MAX_TIER } from "./limits.js";
import { agentRoles, agentSchema } from "./agent-api.js";

/** Agents and workspace settings. Creating/changing agents and everything under /workspace is admin-only (403). */
export const ADMIN_PATHS = {
  agents: "/api/v1/agents",
  agent: (id: string) => `/api/v1/agents/${id}`,
  workspace: "/api/v1/workspace",
  siteKeys: "/api/v1/workspace/site-keys",
  siteKey: (key: string) => `/api/v1/workspace/site-keys/${key}`,
  rotateIdentitySecret: "/api/v1/workspace/identity-secret/rotate",
} as const;

const skill = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "letters, digits, - and _ only");
const password = z.string().min(10, "at least 10 characters").max(1024);

export const agentCreateSchema = z.object({
  email: z.email("enter a valid email address").max(320),
  name: z.string().trim().min(1, "required").max(200),
  password,
  /** The password is a temporary one the admin will pass on: the agent must choose their own at first login. */
  temporaryPassword: z.boolean().default(false),
  role: z.enum(agentRoles).default("agent"),
  tier: z.number().int().min(1).max(MAX_TIER).default(1),
  skills: z.array(skill).max(20).default([]),
});
export type AgentCreate = z.infer<typeof agentCreateSchema>;
export type AgentCreateInput = z.input<typeof agentCreateSchema>;

/**
 * PATCH /api/v1/agents/:id. Admins may change anything; an agent may change their own name and password
 * (with currentPassword). A password change ends the agent's other sessions; deactivation ends all of them.
 */
export const agentUpdateSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(200).optional(),
    role: z.enum(agentRoles).optional(),
    tier: z.number().int().min(1).max(MAX_TIER).optional(),
    skills: z.array(skill).max(20).optional(),
    active: z.boolean().optional(),
    available: z.boolean().optional(),
    password: password.optional(),
    currentPassword: z.string().max(1024).optional(),
    /** With an admin's reset of another agent's password: that agent must choose their own at next login. */
    temporaryPassword: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type AgentUpdate = z.infer<typeof agentUpdateSchema>;

export const agentListItemSchema = agentSchema.extend({
  active: z.boolean(),
  available: z.boolean(),
  /** Tickets assigned to them that are open, pending or escalated (deactivating them sends these back to routing). */
  openTickets: z.number().int(),
});
export type AgentListItem = z.infer<typeof agentListItemSchema>;
export const agentListSchema = z.object({ agents: z.array(agentListItemSchema) });

const WILDCARD_LABEL = "x--handoff-any";

/**
 * An origin as browsers send it: scheme://host[:port], lowercase, without the default port or a trailing slash
 * (https://App.Example.com:443/ is https://app.example.com). `https://*.example.com` allows every subdomain of
 * example.com (not example.com itself), on that scheme and port; the wildcard only as the whole first label.
 */
export function normalOrigin(value: string): string | undefined {
  const wildcard = /^https?:\/\/\*\./i.test(value);
  let url: URL;
  try {
    url = new URL(wildcard ? value.replace("*.", `${WILDCARD_LABEL}.`) : value);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") return undefined;
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(value) || (!wildcard && value.includes("*"))) return undefined;
  // A wildcard over a whole top-level domain (https://*.com) would allow anyone's page.
  if (wildcard && url.hostname.split(".").length < 3) return undefined;
  return wildcard ? url.origin.replace(`${WILDCARD_LABEL}.`, "*.") : url.origin;
}

/** Whether a page's origin is one of these allowed origins (exact, or under a `*.` wildcard's domain). */
export function originAllowed(allowed: readonly string[], origin: string): boolean {
  if (allowed.includes(origin)) return true;
  const parts = /^(https?:\/\/)([^/:[\]]+)(:\d+)?$/.exec(origin);
  if (!parts) return false;
  const labels = parts[2]!.split(".");
  for (let i = 1; i < labels.length - 1; i++)
    if (allowed.includes(`${parts[1]}*.${labels.slice(i).join(".")}${parts[3] ?? ""}`)) return true;
  return false;
}

export const originSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value, ctx) => {
    const refuse = (why: string) => {
      ctx.addIssue({ code: "custom", message: `"${value}" ${why}` });
      return z.NEVER;
    };
    const origin = normalOrigin(value);
    if (origin !== undefined) return origin;
    // Not an origin: say what is wrong with this line and, where there is one, the origin to write instead.
    const bare = value.replace(/\/.*$/, "").toLowerCase();
    if (/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?$|^localhost(:\d+)?$/.test(bare))
      return refuse(`has no scheme: write https://${bare}`);
    if (value.includes("*"))
      return refuse(
        "is not a wildcard the widget can use: write https://*.example.com for every subdomain of example.com (the * only as the first part, over a domain of two parts or more)",
      );
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return refuse("is not an origin: write the scheme and host, like https://app.example.com");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
      return refuse("is not a web origin: only https:// and http:// pages can run the widget");
    return refuse(`is a page's address: an origin is only its scheme and host, ${url.origin}`);
  });

export const workspaceUpdateSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(200).optional(),
    allowedOrigins: z.array(originSchema).max(100).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type WorkspaceUpdate = z.infer<typeof workspaceUpdateSchema>;

export const siteKeyCreateSchema = z.object({ label: z.string().trim().min(1, "required").max(100) });

export const siteKeyInfoSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The workspace's first key cannot be revoked. */
  primary: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type SiteKeyInfo = z.infer<typeof siteKeyInfoSchema>;

/** A page that ran the widget from an origin nobody allowed, so its customers' tickets were refused. */
export const refusedOriginSchema = z.object({
  /** As the browser sent it: "null" for a page opened from a file or a sandboxed frame (it cannot be allowed). */
  origin: z.string(),
  /** Requests refused (written by each server process at most every 10 s, so the last few may not be counted yet). */
  refusals: z.number().int(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
export type RefusedOrigin = z.infer<typeof refusedOriginSchema>;

export const workspaceSettingsSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  /** Refused in the last 30 days and still not allowed, most recent first. */
  refusedOrigins: z.array(refusedOriginSchema),
  siteKeys: z.array(siteKeyInfoSchema),
  /** For the host app's backend to compute identify()'s userHash = HMAC-SHA256(secret, user id). */
  identitySecret: z.string(),
});
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
