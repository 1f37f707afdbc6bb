import { safeEqual } from "../lib/crypto.js";

/**
 * Whether a scrape may read /metrics: always when no HANDOFF_METRICS_TOKEN is set, otherwise only with that token as a
 * bearer token (compared in constant time).
 */
export function metricsScrapeAllowed(configuredToken: string | undefined, authorization: string | undefined): boolean {
  if (!configuredToken) return true;
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  return Boolean(bearer && safeEqual(bearer, configuredToken));
}
