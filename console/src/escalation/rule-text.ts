import type { MatrixRule } from "../../../shared/index.js";

const list = (items: string[]) => items.map((i) => `"${i}"`).join(", ");

/** A rule's conditions in words, one line each, for the readable matrix. */
export function describeConditions(when: MatrixRule["when"]): string[] {
  const lines: string[] = [];
  if (when.severityIn) lines.push(`severity is ${when.severityIn.join(" or ")}`);
  if (when.verifiedPlanIn) lines.push(`verified plan is ${when.verifiedPlanIn.join(" or ")}`);
  if (when.keywordsAny) lines.push(`subject or description mentions ${list(when.keywordsAny)}`);
  if (when.failedRequest) {
    const { urlPatterns, statusMin, statusMax } = when.failedRequest;
    const status =
      statusMin !== undefined || statusMax !== undefined ? ` with status ${statusMin ?? 0}–${statusMax ?? 999}` : "";
    lines.push(`a request${urlPatterns ? ` to ${urlPatterns.join(" or ")}` : ""} failed${status}`);
  }
  if (when.consoleErrorContainsAny) lines.push(`a console error contains ${list(when.consoleErrorContainsAny)}`);
  if (when.rageClicks) lines.push("the customer rage-clicked");
  if (when.pageUrlPatterns) lines.push(`the page is ${when.pageUrlPatterns.join(" or ")}`);
  if (when.customerRepliesAtLeast !== undefined)
    lines.push(`${when.customerRepliesAtLeast}+ customer replies since the last agent reply`);
  if (when.minutesInTierWithoutAgentActivity !== undefined) {
    lines.push(`${when.minutesInTierWithoutAgentActivity}+ min in the current tier without agent activity`);
  }
  return lines;
}

export function describeActions(then: MatrixRule["then"]): string[] {
  const lines: string[] = [];
  if (then.severity) lines.push(`severity ${then.severity}`);
  if (then.queue) lines.push(`queue ${then.queue}`);
  if (then.tier !== undefined) lines.push(`at least tier ${then.tier}`);
  if (then.priority !== undefined) lines.push(`priority ${then.priority}`);
  if (then.requiredHandoffFields) lines.push(`handoff must include ${then.requiredHandoffFields.join(", ")}`);
  return lines;
}
