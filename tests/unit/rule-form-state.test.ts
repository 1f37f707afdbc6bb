import { describe, expect, it } from "vitest";
import {
  fromRuleForm,
  ruleIdFromName,
  toRuleForm,
  emptyRuleForm,
} from "../../console/src/escalation/rule-form-state.js";
import { describeActions, describeConditions } from "../../console/src/escalation/rule-text.js";
import { DEFAULT_MATRIX_RULES } from "../../shared/default-matrix.js";

describe("the matrix editor's rule form", () => {
  it("turns every shipped rule into form fields and back without changing it", () => {
    for (const rule of DEFAULT_MATRIX_RULES) expect(fromRuleForm(toRuleForm(rule))).toEqual({ rule });
  });

  it("builds a rule from typed text: comma lists, numbers, an id from the name", () => {
    const form = {
      ...emptyRuleForm(),
      name: "Refunds over $500 → billing leads",
      keywordsAny: " refund ,  chargeback,,",
      failedUrlPatterns: "*/api/payments/*",
      failedStatusMin: "500",
      customerRepliesAtLeast: "2",
      queue: "billing",
      tier: "2",
    };
    expect(fromRuleForm(form)).toEqual({
      rule: {
        id: "refunds-over-500-billing-leads",
        name: "Refunds over $500 → billing leads",
        enabled: true,
        when: {
          keywordsAny: ["refund", "chargeback"],
          failedRequest: { urlPatterns: ["*/api/payments/*"], statusMin: 500 },
          customerRepliesAtLeast: 2,
        },
        then: { queue: "billing", tier: 2 },
      },
    });
    expect(ruleIdFromName("!!!")).toBe("rule");
  });

  it("reports problems under the field they belong to", () => {
    expect(fromRuleForm({ ...emptyRuleForm(), name: "" })).toEqual({
      issues: { name: "required", when: "give at least one condition", then: "give at least one action" },
    });
    const issues = fromRuleForm({
      ...emptyRuleForm(),
      name: "x",
      failedStatusMax: "abc",
      customerRepliesAtLeast: "0",
      queue: "Bad Queue",
    });
    expect(Object.keys("issues" in issues ? issues.issues : {}).sort()).toEqual([
      "customerRepliesAtLeast",
      "failedStatusMax",
      "queue",
    ]);
  });

  it("describes a rule in words", () => {
    const enterprise = DEFAULT_MATRIX_RULES.find((r) => r.id === "enterprise-critical")!;
    expect(describeConditions(enterprise.when)).toEqual(["severity is critical", "verified plan is enterprise"]);
    expect(describeActions(enterprise.then)).toEqual(["at least tier 2", "priority 3"]);
    const api = DEFAULT_MATRIX_RULES.find((r) => r.id === "technical-failed-api")!;
    expect(describeConditions(api.when)).toEqual(["a request to */api/* or *://api.* failed"]);
  });
});
