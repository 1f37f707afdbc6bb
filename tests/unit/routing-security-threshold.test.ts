import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify, priorModel } from "../../server/services/routing/classifier/routing-model.js";
import { parseLine } from "../../scripts/routing/build-dev.js";
import { readSet } from "../../scripts/routing/dev-set.js";
import { SECURITY_THRESHOLD } from "../../scripts/routing/train-prior.js";

// The sets are only scored here, never trained on (data/routing/dev/README.md). They guard a retrain of the prior:
// a batch that costs an incident or pages tier 3 for more plain questions fails here.
const readCheckSet = (name: string) =>
  readFileSync(`data/routing/dev/${name}.psv`, "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => parseLine(name, line))
    .map((t) => ({ ...t, ...t.context }));
const checkSet = readCheckSet("howto-check");

describe("the shipped security detector's threshold", () => {
  const prior = priorModel();

  it("is the fixed, documented one, not whatever a retrain's cross-validation picks", () => {
    expect(SECURITY_THRESHOLD).toBe(0.12);
    expect(prior.securityThreshold).toBe(SECURITY_THRESHOLD);
  });

  it("flags every incident of the development set (tier 3, critical)", () => {
    const incidents = readSet("data/routing/dev/dev.jsonl").filter((t) => t.security);
    expect(incidents).toHaveLength(70);
    const missed = incidents.filter((t) => !classify(prior, t).security.flagged).map((t) => t.subject);
    expect(missed).toEqual([]);
  });

  it("catches the incidents asked as questions and pages tier 3 for few plain how-to questions", () => {
    const flagged = (rows: typeof checkSet) => rows.filter((t) => classify(prior, t).security.flagged);
    const incidents = checkSet.filter((t) => t.security);
    expect(flagged(incidents)).toHaveLength(incidents.length);
    expect(flagged(checkSet.filter((t) => !t.security)).length).toBeLessThanOrEqual(10);
  });

  it("tells who acted: catches incidents where someone else did it, and leaves forgot-password, lost-2FA, SSO and recognised-login tickets alone", () => {
    const nearMisses = readCheckSet("nearmiss-check");
    const flagged = nearMisses.filter((t) => classify(prior, t).security.flagged);
    const missed = nearMisses.filter((t) => t.security && !flagged.includes(t)).map((t) => t.subject);
    expect(missed).toEqual([]);
    const account = flagged.filter((t) => t.queue === "account").map((t) => t.subject);
    expect(account).toEqual([]);
    expect(flagged.filter((t) => !t.security).length).toBeLessThanOrEqual(3);
  });
});
