import { describe, expect, it } from "vitest";
import { evaluateMatrix, urlMatches, type TicketFacts } from "../../server/services/routing/evaluate-matrix.js";
import { DEFAULT_MATRIX_RULES } from "../../shared/default-matrix.js";
import { matrixRulesSchema, type MatrixRule } from "../../shared/matrix.js";
import { captureContextSchema, type CaptureContextInput } from "../../shared/context.js";

function facts(overrides: Partial<Omit<TicketFacts, "context">> & { context?: CaptureContextInput } = {}): TicketFacts {
  const { context, ...rest } = overrides;
  return {
    subject: "Hello",
    description: "Something to look at",
    verifiedPlan: null,
    pageUrl: "https://app.example/settings",
    customerReplies: 0,
    minutesInTierWithoutAgentActivity: 0,
    ...rest,
    context: captureContextSchema.parse(context ?? {}),
  };
}

const rule = (r: Partial<MatrixRule> & Pick<MatrixRule, "id" | "when" | "then">): MatrixRule => ({
  name: r.id,
  enabled: true,
  ...r,
});

describe("evaluateMatrix", () => {
  it("the shipped default rules are valid under the matrix schema", () => {
    expect(matrixRulesSchema.safeParse(DEFAULT_MATRIX_RULES).success).toBe(true);
  });

  it("matches keywords as whole words in any case, and says where", () => {
    const rules = [rule({ id: "api", when: { keywordsAny: ["api"] }, then: { queue: "technical" } })];
    const hit = evaluateMatrix(rules, facts({ description: "Our API key stopped working" }));
    expect(hit.queue).toBe("technical");
    expect(hit.fired).toEqual([{ id: "api", name: "api", why: ['"api" in the description'] }]);
    expect(evaluateMatrix(rules, facts({ description: "A rapid rise in capital costs" })).fired).toEqual([]);
  });

  it("matches phrases across whitespace and curly apostrophes", () => {
    const rules = [
      rule({ id: "blocked", when: { keywordsAny: ["can't", "unauthorized access"] }, then: { severity: "high" } }),
    ];
    expect(evaluateMatrix(rules, facts({ subject: "I can’t export" })).severity).toBe("high");
    expect(evaluateMatrix(rules, facts({ description: "we saw Unauthorized\n access" })).severity).toBe("high");
  });

  it("requires every condition of a rule, and lets later rules see the severity earlier ones set", () => {
    const rules = DEFAULT_MATRIX_RULES;
    const enterpriseDown = evaluateMatrix(rules, facts({ subject: "Everything is down", verifiedPlan: "Enterprise" }));
    expect(enterpriseDown).toMatchObject({ severity: "critical", tier: 2 });
    expect(enterpriseDown.fired.map((f) => f.id)).toEqual(["critical-outage", "enterprise-critical"]);
    expect(enterpriseDown.fired[1]!.why).toEqual(["severity is critical", 'verified plan is "Enterprise"']);
    // Same words without a verified plan: critical, but tier 1.
    expect(evaluateMatrix(rules, facts({ subject: "Everything is down" }))).toMatchObject({
      severity: "critical",
      tier: 1,
    });
  });

  it("first rule to set severity, queue or priority wins; tier only rises; handoff fields add up", () => {
    const rules = [
      rule({
        id: "a",
        when: { keywordsAny: ["refund"] },
        then: { queue: "billing", tier: 2, requiredHandoffFields: ["attempted"] },
      }),
      rule({
        id: "b",
        when: { keywordsAny: ["refund"] },
        then: { queue: "account", tier: 1, severity: "low", requiredHandoffFields: ["replayMoments"] },
      }),
      rule({ id: "off", enabled: false, when: { keywordsAny: ["refund"] }, then: { tier: 3 } }),
    ];
    const outcome = evaluateMatrix(rules, facts({ subject: "refund please" }));
    expect(outcome).toMatchObject({
      queue: "billing",
      tier: 2,
      severity: "low",
      requiredHandoffFields: ["attempted", "replayMoments"],
    });
    expect(outcome.fired.map((f) => f.id)).toEqual(["a", "b"]);
  });

  it("reads the captured context: failed request pattern and status, console text, rage clicks, page URL", () => {
    const rules = [
      rule({
        id: "api-5xx",
        when: { failedRequest: { urlPatterns: ["/api/*"], statusMin: 500 } },
        then: { queue: "technical" },
      }),
      rule({ id: "typeerror", when: { consoleErrorContainsAny: ["TypeError"] }, then: { severity: "high" } }),
      rule({ id: "rage", when: { rageClicks: true, pageUrlPatterns: ["/reports*"] }, then: { priority: 2 } }),
    ];
    const context: CaptureContextInput = {
      network: [
        { t: 1, method: "get", url: "https://app.example/api/users?page=2", status: 404, durationMs: 5 },
        { t: 2, method: "post", url: "https://app.example/api/export", status: 502, durationMs: 5 },
      ],
      console: [{ t: 3, level: "error", message: "Uncaught TypeError: x is undefined" }],
      clicks: [{ t: 4, selector: "#export", tag: "button", text: "Export", x: 1, y: 1, rage: true }],
    };
    const outcome = evaluateMatrix(rules, facts({ pageUrl: "https://app.example/reports?tab=1", context }));
    expect(outcome.fired).toEqual([
      { id: "api-5xx", name: "api-5xx", why: ["POST /api/export returned 502"] },
      { id: "typeerror", name: "typeerror", why: ['console error contains "TypeError"'] },
      { id: "rage", name: "rage", why: ['rage clicks on "Export"', "page /reports?tab=1 matches /reports*"] },
    ]);
    const quiet = evaluateMatrix(
      rules,
      facts({
        context: { network: [{ t: 1, method: "GET", url: "https://app.example/api/x", status: 404, durationMs: 1 }] },
      }),
    );
    expect(quiet.fired).toEqual([]);
  });

  it("uses reply counts and time in tier", () => {
    const rules = [
      rule({
        id: "waiting",
        when: { customerRepliesAtLeast: 3, minutesInTierWithoutAgentActivity: 45 },
        then: { priority: 3 },
      }),
    ];
    expect(evaluateMatrix(rules, facts({ customerReplies: 3, minutesInTierWithoutAgentActivity: 44 })).fired).toEqual(
      [],
    );
    expect(
      evaluateMatrix(rules, facts({ customerReplies: 3, minutesInTierWithoutAgentActivity: 45.5 })).fired[0]!.why,
    ).toEqual(["3 customer replies since the last agent reply", "45 min in this tier without agent activity"]);
  });

  it("matches URL patterns against the whole URL or its path only", () => {
    expect(urlMatches("*://api.*", "https://api.example.com/v2/x")).toBe(true);
    expect(urlMatches("/api/*", "https://app.example/api/export")).toBe(true);
    expect(urlMatches("/api/*", "https://app.example/v1/api/export")).toBe(false);
    expect(urlMatches("*/api/*", "https://app.example/v1/api/export")).toBe(true);
  });

  it("refuses an invalid matrix with one issue per field", () => {
    const result = matrixRulesSchema.safeParse([
      { id: "ok", name: "x", when: { keywordsAny: ["a"] }, then: { queue: "billing" } },
      { id: "ok", name: "", when: {}, then: { tier: 7 } },
    ]);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["1.name", "1.when", "1.then.tier", "1.id"]));
  });
});
