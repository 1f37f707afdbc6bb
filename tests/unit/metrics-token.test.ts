import { describe, expect, it } from "vitest";
import { metricsScrapeAllowed } from "../../server/access/metrics-token.js";

describe("who may scrape /metrics", () => {
  it("anyone when no token is configured", () => {
    expect(metricsScrapeAllowed(undefined, undefined)).toBe(true);
    expect(metricsScrapeAllowed("", "Bearer whatever")).toBe(true);
  });

  it("only the configured bearer token when one is set", () => {
    expect(metricsScrapeAllowed("s3cret-token", "Bearer s3cret-token")).toBe(true);
    expect(metricsScrapeAllowed("s3cret-token", "bearer   s3cret-token")).toBe(true);
    expect(metricsScrapeAllowed("s3cret-token", undefined)).toBe(false);
    expect(metricsScrapeAllowed("s3cret-token", "Bearer s3cret-tokeN")).toBe(false);
    expect(metricsScrapeAllowed("s3cret-token", "Basic s3cret-token")).toBe(false);
    expect(metricsScrapeAllowed("s3cret-token", "Bearer s3cret-token-and-more")).toBe(false);
  });
});
