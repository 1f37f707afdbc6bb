import type { Environment } from "../../shared/context.js";
import { scrubUrl } from "./scrub.js";

/** The browser and screen the customer was using. */
export function readEnvironment(): Environment {
  const env: Environment = {
    userAgent: navigator.userAgent.slice(0, 512),
    viewport: { width: innerWidth, height: innerHeight },
    devicePixelRatio: devicePixelRatio || 1,
    language: (navigator.language || "").slice(0, 35),
  };
  try {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz) env.timeZone = tz.slice(0, 64);
  } catch {
    /* old browsers */
  }
  if (document.referrer) env.referrer = scrubUrl(document.referrer);
  return env;
}
