import { type Classification, SECURITY_QUEUE } from "./routing-model.js";

export interface ModelDecision {
  /** The queue the model would pick (security when the detector flags). */
  suggested: string;
  confidence: number;
  /** Whether the suggestion is used without a human: a flagged incident, or a confident queue. */
  routed: boolean;
  security: boolean;
  /** The two best queues, for the agent who decides when the model does not. */
  top: { queue: string; confidence: number }[];
}

/**
 * What the model alone would do: an incident flagged by the detector goes to the security queue whatever the
 * queue model thinks (security always wins); otherwise the best queue other than security, used when its
 * calibrated confidence reaches the threshold.
 */
export function routeByModel(c: Classification, threshold: number): ModelDecision {
  const ordinary = c.ranked.filter((r) => r.label !== SECURITY_QUEUE);
  const mass = ordinary.reduce((s, r) => s + r.probability, 0) || 1;
  const top = ordinary.slice(0, 2).map((r) => ({ queue: r.label, confidence: r.probability / mass }));
  if (c.security.flagged) {
    return { suggested: SECURITY_QUEUE, confidence: c.security.probability, routed: true, security: true, top };
  }
  const best = top[0] ?? { queue: SECURITY_QUEUE, confidence: 0 };
  return {
    suggested: best.queue,
    confidence: best.confidence,
    routed: best.confidence >= threshold,
    security: false,
    top,
  };
}
