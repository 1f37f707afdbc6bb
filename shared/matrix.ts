import { z } from "zod";
import { MAX_TIER } from "./limits.js";

/** Severity definitions shipped as defaults: shown next to the severity picker and in the matrix editor. */
export const SEVERITY_DEFINITIONS = {
  critical: "Service down or data loss for the customer",
  high: "A core workflow is blocked and there is no workaround",
  medium: "Degraded: something is wrong but a workaround exists",
  low: "A question or a feature request",
} as const;

const severity = z.enum(["critical", "high", "medium", "low"]);
const phrase = z.string().trim().min(1, "required").max(100);
const phrases = z.array(phrase).min(1, "list at least one").max(100);
/** `*` is the only wildcard; a pattern matches the whole URL or its path (case-insensitive). */
const urlPattern = z.string().trim().min(1, "required").max(300);
const queueName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, "lowercase letters, digits, - or _ (e.g. technical)");
export const handoffFieldNames = ["replayMoments", "customerGoal", "attempted"] as const;

/** Every condition given must hold (AND); a rule with none never fires. */
export const matrixConditionsSchema = z
  .object({
    severityIn: z.array(severity).min(1).optional(),
    /** The customer's plan; used only when the identity is verified (signed by the host app). */
    verifiedPlanIn: z.array(phrase).min(1).optional(),
    /** Any of these words or phrases in the subject or description (whole words, any case). */
    keywordsAny: phrases.optional(),
    failedRequest: z
      .object({
        urlPatterns: z.array(urlPattern).min(1).max(20).optional(),
        statusMin: z.number().int().min(0).max(999).optional(),
        statusMax: z.number().int().min(0).max(999).optional(),
      })
      // A highest status under the lowest matches no response: the rule would be saved and never fire.
      .refine((r) => r.statusMin === undefined || r.statusMax === undefined || r.statusMin <= r.statusMax, {
        path: ["statusMax"],
        message: "lower than the lowest status: no response has a status in that range, so this rule would never fire",
      })
      .optional(),
    consoleErrorContainsAny: phrases.optional(),
    rageClicks: z.literal(true).optional(),
    pageUrlPatterns: z.array(urlPattern).min(1).max(20).optional(),
    customerRepliesAtLeast: z.number().int().min(1).max(1000).optional(),
    minutesInTierWithoutAgentActivity: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), "give at least one condition");
export type MatrixConditions = z.infer<typeof matrixConditionsSchema>;

export const matrixActionsSchema = z
  .object({
    severity: severity.optional(),
    queue: queueName.optional(),
    /** Raises the ticket to at least this tier (2 skips tier 1). */
    tier: z.number().int().min(1).max(MAX_TIER).optional(),
    priority: z.number().int().min(0).max(3).optional(),
    requiredHandoffFields: z.array(z.enum(handoffFieldNames)).min(1).optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), "give at least one action");
export type MatrixActions = z.infer<typeof matrixActionsSchema>;

export const matrixRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "lowercase letters, digits and -"),
  name: z.string().trim().min(1, "required").max(120),
  enabled: z.boolean().default(true),
  when: matrixConditionsSchema,
  then: matrixActionsSchema,
});
export type MatrixRule = z.infer<typeof matrixRuleSchema>;

export const matrixRulesSchema = z
  .array(matrixRuleSchema)
  .max(200)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
  });

/** PUT body: the whole ordered rule list, and the version it was edited from (a stale one is a 409). */
export const matrixUpdateSchema = z.object({ baseVersion: z.number().int().min(1), rules: matrixRulesSchema });
export type MatrixUpdate = z.infer<typeof matrixUpdateSchema>;

export const matrixSchema = z.object({
  version: z.number().int(),
  rules: z.array(matrixRuleSchema),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string().nullable(),
  severityDefinitions: z.record(z.string(), z.string()),
});
export type Matrix = z.infer<typeof matrixSchema>;

export const matrixVersionSchema = z.object({
  version: z.number().int(),
  ruleCount: z.number().int(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export const matrixHistorySchema = z.object({ versions: z.array(matrixVersionSchema) });

/** What triage stored on the ticket: which rules fired and why, and what the classifier thought. */
export const firedRuleSchema = z.object({ id: z.string(), name: z.string(), why: z.array(z.string()) });
export type FiredRule = z.infer<typeof firedRuleSchema>;
export const triageSchema = z.object({
  matrixVersion: z.number().int(),
  rules: z.array(firedRuleSchema),
  classifier: z
    .object({
      queue: z.string().nullable(),
      confidence: z.number(),
      used: z.boolean(),
      examples: z.number().int(),
      /** The two best queues, shown to the agent who decides when the classifier does not. */
      top: z.array(z.object({ queue: z.string(), confidence: z.number() })).optional(),
    })
    .nullable(),
  /** The security-incident detector: flagged tickets go to tier 3 as critical; agents may mark a false alarm. */
  security: z
    .object({
      probability: z.number(),
      flagged: z.boolean(),
      reason: z.string().nullable(),
      falseAlarm: z.boolean().optional(),
    })
    .optional(),
  /** Why the ticket sits in triage, when it does. */
  note: z.string().nullable(),
});
export type Triage = z.infer<typeof triageSchema>;

/** The queue a ticket sits in while nobody (no rule, no confident classifier) decided where it goes. */
export const TRIAGE_QUEUE = "triage";
