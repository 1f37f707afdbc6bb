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

/**
 * An origin exactly as browsers send it: scheme://host[:port], no path. What only differs in spelling is written the
 * browser's way (HTTPS://App.Example.com/ and https://app.example.com:443 are https://app.example.com: the widget's
 * requests carry the lowercase origin, so the typed one never matched). Anything else is refused saying what is
 * wrong with that line and, where there is one, the origin to write instead.
 */
export const originSchema = z
  .string()
  .trim()
  .max(300)
  .transform((value, ctx) => {
    const refuse = (why: string) => {
      ctx.addIssue({ code: "custom", message: `"${value}" ${why}` });
      return z.NEVER;
    };
    if (value.includes("*"))
      return refuse("has a wildcard: list each origin on its own line, like https://app.example.com");
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      const host = /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$|^localhost(:\d+)?$/i.exec(value.replace(/\/.*$/, ""))?.[0];
      if (host) return refuse(`has no scheme: write https://${host.toLowerCase()}`);
      return refuse("is not an origin: write the scheme and host, like https://app.example.com");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      // "app.example.com:8080" parses with the scheme "app.example.com:".
      return /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
        ? refuse("is not a web origin: only https:// and http:// pages can run the widget")
        : refuse(`has no scheme: write https://${value.replace(/\/.*$/, "").toLowerCase()}`);
    }
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash || value.endsWith("?"))
      return refuse(`is a page's address: an origin is only its scheme and host, ${url.origin}`);
    return url.origin;
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
