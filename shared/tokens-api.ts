import { z } from "zod";

/**
 * API tokens for scripts (admin only): `Authorization: Bearer <token>` on the agent API. The token is shown once at
 * creation and stored hashed. Scopes:
 * - `tickets:read`: GET tickets, their messages/events/recording, and the live stream (/api/v1/events)
 * - `tickets:write`: also change tickets, reply, escalate
 * - `metrics:read`: GET metrics and exports
 * - `admin`: everything an admin can do (agents, workspace, matrix, tokens)
 * Outside its scopes: 403. Revoked or unknown: 401. Tokens skip the browser's same-origin rule (no cookie is
 * involved) but have their own rate limit. Their writes show on the ticket timeline under the token's name.
 */
export const TOKEN_PATHS = { tokens: "/api/v1/tokens", token: (id: string) => `/api/v1/tokens/${id}` } as const;

export const tokenScopes = ["tickets:read", "tickets:write", "metrics:read", "admin"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenCreateSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(100),
    scopes: z.array(z.enum(tokenScopes)).min(1, "choose at least one scope").max(tokenScopes.length),
  })
  // `expiresAt` is refused, not dropped: a token believed to expire never did.
  .strict();
export type TokenCreate = z.infer<typeof tokenCreateSchema>;

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The token's first characters, to recognise it. */
  prefix: z.string(),
  scopes: z.array(z.enum(tokenScopes)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** POST answer: the token itself, shown this once. */
export const tokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
export type TokenCreated = z.infer<typeof tokenCreatedSchema>;

export const tokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
export type TokenList = z.infer<typeof tokenListSchema>;
