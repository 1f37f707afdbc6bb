import { type handoffFieldNames, matrixRuleSchema, type MatrixRule } from "../../../shared/index.js";

type Severity = "critical" | "high" | "medium" | "low";
type HandoffField = (typeof handoffFieldNames)[number];

/** A rule as the form edits it: lists as comma-separated text, numbers as text, "" meaning "not used". */
export interface RuleFormState {
  id: string;
  name: string;
  enabled: boolean;
  severityIn: Severity[];
  verifiedPlanIn: string;
  keywordsAny: string;
  failedUrlPatterns: string;
  failedStatusMin: string;
  failedStatusMax: string;
  consoleErrorContainsAny: string;
  rageClicks: boolean;
  pageUrlPatterns: string;
  customerRepliesAtLeast: string;
  minutesInTierWithoutAgentActivity: string;
  severity: Severity | "";
  queue: string;
  tier: string;
  priority: string;
  requiredHandoffFields: HandoffField[];
}

const join = (list: string[] | undefined) => (list ?? []).join(", ");
const split = (text: string) => {
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
};
const num = (text: string) => (text.trim() === "" ? undefined : Number(text));
const str = (n: number | undefined) => (n === undefined ? "" : String(n));

export const emptyRuleForm = (): RuleFormState =>
  toRuleForm({ id: "", name: "", enabled: true, when: {}, then: {} } as MatrixRule);

export function toRuleForm(rule: MatrixRule): RuleFormState {
  const { when, then } = rule;
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    severityIn: [...(when.severityIn ?? [])],
    verifiedPlanIn: join(when.verifiedPlanIn),
    keywordsAny: join(when.keywordsAny),
    failedUrlPatterns: join(when.failedRequest?.urlPatterns),
    failedStatusMin: str(when.failedRequest?.statusMin),
    failedStatusMax: str(when.failedRequest?.statusMax),
    consoleErrorContainsAny: join(when.consoleErrorContainsAny),
    rageClicks: when.rageClicks === true,
    pageUrlPatterns: join(when.pageUrlPatterns),
    customerRepliesAtLeast: str(when.customerRepliesAtLeast),
    minutesInTierWithoutAgentActivity: str(when.minutesInTierWithoutAgentActivity),
    severity: then.severity ?? "",
    queue: then.queue ?? "",
    tier: str(then.tier),
    priority: str(then.priority),
    requiredHandoffFields: [...(then.requiredHandoffFields ?? [])],
  };
}

/** A stable id from the name for new rules ("Refunds over $500" -> "refunds-over-500"). */
export const ruleIdFromName = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "rule";

/**
 * Back to a rule, checked with the server's own schema. Issues come keyed by form field
 * (e.g. "when.keywordsAny" -> "keywordsAny") so each shows under its input.
 */
export function fromRuleForm(form: RuleFormState): { rule: MatrixRule } | { issues: Record<string, string> } {
  const failedRequest = {
    urlPatterns: split(form.failedUrlPatterns),
    statusMin: num(form.failedStatusMin),
    statusMax: num(form.failedStatusMax),
  };
  const candidate = {
    id: form.id || ruleIdFromName(form.name),
    name: form.name,
    enabled: form.enabled,
    when: {
      severityIn: form.severityIn.length ? form.severityIn : undefined,
      verifiedPlanIn: split(form.verifiedPlanIn),
      keywordsAny: split(form.keywordsAny),
      failedRequest: Object.values(failedRequest).some((v) => v !== undefined) ? failedRequest : undefined,
      consoleErrorContainsAny: split(form.consoleErrorContainsAny),
      rageClicks: form.rageClicks ? (true as const) : undefined,
      pageUrlPatterns: split(form.pageUrlPatterns),
      customerRepliesAtLeast: num(form.customerRepliesAtLeast),
      minutesInTierWithoutAgentActivity: num(form.minutesInTierWithoutAgentActivity),
    },
    then: {
      severity: form.severity || undefined,
      queue: form.queue.trim() || undefined,
      tier: num(form.tier),
      priority: num(form.priority),
      requiredHandoffFields: form.requiredHandoffFields.length ? form.requiredHandoffFields : undefined,
    },
  };
  const parsed = matrixRuleSchema.safeParse(candidate);
  if (parsed.success) return { rule: parsed.data };
  const issues: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    // when.failedRequest.statusMin -> failedStatusMin; when.keywordsAny.0 -> keywordsAny; when -> when
    let key = path[0] === "when" || path[0] === "then" ? (path[1] ?? path[0]) : (path[0] ?? "rule");
    if (key === "failedRequest")
      key =
        path[2] === "statusMin" ? "failedStatusMin" : path[2] === "statusMax" ? "failedStatusMax" : "failedUrlPatterns";
    issues[key] ??= issue.message;
  }
  return { issues };
}
