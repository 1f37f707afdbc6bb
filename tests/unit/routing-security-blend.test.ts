import { describe, expect, it } from "vitest";
import { classify, priorModel, type RoutingModel } from "../../server/services/routing/classifier/routing-model.js";
import { refineModel } from "../../server/services/routing/classifier/train-routing-model.js";
import { parseContext, parseLine } from "../../scripts/routing/build-dev.js";

const tickets = [
  { subject: "payout", description: "someone we do not know changed our payout bank account at 3am" },
  { subject: "invoice", description: "the invoice for March is missing the VAT number" },
  { subject: "hi", description: "forgot my password, the reset mail never came" },
  { subject: "re: invoice", description: "send the invoice to accounts please. also a login from abroad nobody made" },
];

describe("security score blended with the queue model", () => {
  const prior = priorModel();
  const detectorOf = (t: (typeof tickets)[number]) =>
    classify({ ...prior, securityBlend: undefined }, t).security.probability;
  const queueOf = (t: (typeof tickets)[number]) =>
    classify(prior, t).ranked.find((r) => r.label === "security")!.probability;

  it("without a blend the score is the detector's alone (the shipped prior)", () => {
    for (const t of tickets) expect(classify(prior, t).security.probability).toBe(detectorOf(t));
  });

  it("mixes the detector's and the queue model's incident probabilities by the blend", () => {
    const blended: RoutingModel = { ...prior, securityBlend: 0.5 };
    for (const t of tickets) {
      expect(classify(blended, t).security.probability).toBeCloseTo((detectorOf(t) + queueOf(t)) / 2, 12);
    }
  });

  it("keeps at least `securityDetectorAlone` times the detector's probability", () => {
    const model: RoutingModel = { ...prior, securityBlend: 0.5, securityDetectorAlone: 0.7 };
    for (const t of tickets) {
      const p = classify(model, t).security.probability;
      expect(p).toBeGreaterThanOrEqual(0.7 * detectorOf(t) - 1e-12);
      expect(p).toBeCloseTo(Math.max((detectorOf(t) + queueOf(t)) / 2, 0.7 * detectorOf(t)), 12);
    }
  });

  it("a workspace's learning only lowers the blended score, and its queue model does not enter it", async () => {
    const model: RoutingModel = { ...prior, securityBlend: 0.5, securityDetectorAlone: 0.7 };
    const history = [
      { ...tickets[0]!, queue: "security", security: true },
      // Many ordinary tickets: the workspace's queue model learns "billing" hard; the incident score must not move.
      ...Array.from({ length: 30 }, () => ({ ...tickets[3]!, queue: "billing", security: false })),
      { ...tickets[2]!, queue: "account", security: false, falseAlarm: true },
    ];
    const refined = await refineModel(model, history);
    for (const t of tickets) {
      expect(classify(refined, t).security.probability).toBeLessThanOrEqual(
        classify(model, t).security.probability + 1e-12,
      );
    }
  });
});

describe("development set lines", () => {
  it("reads `queue | lang | subject | description | context` with the product's own origin", () => {
    const row = parseLine("siteboard", "s | en | Help | someone is in | /projects ; fail GET 500 /api/x ; err Boom");
    expect(row).toMatchObject({ workspace: "siteboard", queue: "security", security: true, lang: "en" });
    expect(row.context).toEqual({
      pageUrl: "https://app.siteboard.example/projects",
      failedRequests: [{ method: "GET", url: "https://app.siteboard.example/api/x", status: 500 }],
      consoleErrors: ["Boom"],
    });
    expect(parseContext("siteboard", undefined)).toBeUndefined();
    expect(() => parseLine("siteboard", "x | en | a | b")).toThrow(/bad line/);
  });
});
