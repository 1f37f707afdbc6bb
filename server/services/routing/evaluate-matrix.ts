import type { CaptureContext } from "../../../shared/context.js";
import type { FiredRule, MatrixConditions, MatrixRule } from "../../../shared/matrix.js";
import type { Severity } from "../../../shared/agent-api.js";
import { verifiedField } from "../../access/identity.js";
import { globMatches } from "../../lib/glob.js";
import type { StoredIdentity } from "../../db/schema.js";

/** What the matrix may look at. The plan is passed only when a signature (identify() jwt) covered it. */
export interface TicketFacts {
  subject: string;
  description: string;
  verifiedPlan: string | null;
  pageUrl: string;
  context: CaptureContext;
  customerReplies: number;
  minutesInTierWithoutAgentActivity: number;
  /** Severity already on the ticket (e.g. set by an agent); rules that set severity do not override it. */
  severity?: Severity | null;
}

/** A ticket row's facts (only the fields the matrix reads; the plan only when the identity was verified). */
export function matrixFactsOf(
  ticket: {
    subject: string;
    description: string;
    verified: boolean;
    identity: StoredIdentity | null;
    pageUrl: string;
    context: CaptureContext;
    customerRepliesSinceAgent: number;
  },
  minutesInTierWithoutAgentActivity: number,
): TicketFacts {
  return {
    subject: ticket.subject,
    description: ticket.description,
    verifiedPlan: ticket.verified ? verifiedField(ticket.identity, "plan") : null,
    pageUrl: ticket.pageUrl,
    context: ticket.context,
    customerReplies: ticket.customerRepliesSinceAgent,
    minutesInTierWithoutAgentActivity,
  };
}

export interface MatrixOutcome {
  severity: Severity | null;
  queue: string | null;
  tier: number;
  priority: number | null;
  requiredHandoffFields: string[];
  fired: FiredRule[];
}

/**
 * Runs the ordered rules. Every enabled rule whose conditions all hold fires; the first rule to set severity,
 * queue or priority wins, tier only ever rises, required handoff fields add up. Later rules see the severity
 * set by earlier ones, so "enterprise + critical" can follow the rules that decide what is critical.
 */
export function evaluateMatrix(rules: MatrixRule[], facts: TicketFacts): MatrixOutcome {
  const outcome: MatrixOutcome = {
    severity: facts.severity ?? null,
    queue: null,
    tier: 1,
    priority: null,
    requiredHandoffFields: [],
    fired: [],
  };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const why = explainMatch(rule.when, facts, outcome.severity);
    if (!why) continue;
    outcome.fired.push({ id: rule.id, name: rule.name, why });
    const { then } = rule;
    if (then.severity && outcome.severity === null) outcome.severity = then.severity;
    if (then.queue && outcome.queue === null) outcome.queue = then.queue;
    if (then.priority !== undefined && outcome.priority === null) outcome.priority = then.priority;
    if (then.tier !== undefined) outcome.tier = Math.max(outcome.tier, then.tier);
    for (const field of then.requiredHandoffFields ?? []) {
      if (!outcome.requiredHandoffFields.includes(field)) outcome.requiredHandoffFields.push(field);
    }
  }
  return outcome;
}

/** One human-readable reason per condition when all hold; null when any fails. */
export function explainMatch(when: MatrixConditions, facts: TicketFacts, severity: Severity | null): string[] | null {
  const why: string[] = [];
  const check = (reason: string | null) => {
    if (reason === null) return false;
    why.push(reason);
    return true;
  };
  if (when.severityIn && !check(severity && when.severityIn.includes(severity) ? `severity is ${severity}` : null))
    return null;
  if (when.verifiedPlanIn) {
    const plan = facts.verifiedPlan?.toLowerCase() ?? null;
    const hit = plan !== null && when.verifiedPlanIn.some((p) => p.toLowerCase() === plan);
    if (!check(hit ? `verified plan is "${facts.verifiedPlan}"` : null)) return null;
  }
  if (when.keywordsAny && !check(findKeyword(when.keywordsAny, facts))) return null;
  if (when.failedRequest && !check(findFailedRequest(when.failedRequest, facts.context))) return null;
  if (when.consoleErrorContainsAny && !check(findConsoleError(when.consoleErrorContainsAny, facts.context)))
    return null;
  if (when.rageClicks && !check(findRageClick(facts.context))) return null;
  if (when.pageUrlPatterns) {
    const pattern = when.pageUrlPatterns.find((p) => urlMatches(p, facts.pageUrl));
    if (!check(pattern ? `page ${pathOf(facts.pageUrl)} matches ${pattern}` : null)) return null;
  }
  if (when.customerRepliesAtLeast !== undefined) {
    const n = facts.customerReplies;
    if (!check(n >= when.customerRepliesAtLeast ? `${n} customer replies since the last agent reply` : null))
      return null;
  }
  if (when.minutesInTierWithoutAgentActivity !== undefined) {
    const m = Math.floor(facts.minutesInTierWithoutAgentActivity);
    if (!check(m >= when.minutesInTierWithoutAgentActivity ? `${m} min in this tier without agent activity` : null))
      return null;
  }
  return why;
}

function findKeyword(phrases: string[], facts: TicketFacts): string | null {
  const fields: [string, string][] = [
    ["subject", normalize(facts.subject)],
    ["description", normalize(facts.description)],
  ];
  for (const phrase of phrases) {
    const { pattern, first } = phrasePattern(phrase);
    for (const [field, text] of fields) {
      // The regex (Unicode, look-behind) costs far more than this: most phrases are not in most tickets at all.
      if (text.includes(first) && pattern.test(text)) return `"${phrase}" in the ${field}`;
    }
  }
  return null;
}

/** Curly apostrophes are common in typed text ("can’t"); rules are written with straight ones. */
const normalize = (text: string) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'");

const patternCache = new Map<string, { pattern: RegExp; first: string }>();
/**
 * Whole words only: "api" must not fire on "rapid", "charge" must fire on "charge" but not "discharged". `first`, the
 * phrase's first word, is in any text the pattern matches.
 */
function phrasePattern(phrase: string): { pattern: RegExp; first: string } {
  let entry = patternCache.get(phrase);
  if (!entry) {
    const words = normalize(phrase.trim()).split(/\s+/);
    const body = words.map(escapeRegExp).join("\\s+");
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, "u");
    if (patternCache.size > 5000) patternCache.clear();
    entry = { pattern, first: words[0]! };
    patternCache.set(phrase, entry);
  }
  return entry;
}

function findFailedRequest(
  cond: NonNullable<MatrixConditions["failedRequest"]>,
  context: CaptureContext,
): string | null {
  const failure = context.network.find(
    (f) =>
      (cond.statusMin === undefined || f.status >= cond.statusMin) &&
      (cond.statusMax === undefined || f.status <= cond.statusMax) &&
      (!cond.urlPatterns || cond.urlPatterns.some((p) => urlMatches(p, f.url))),
  );
  if (!failure) return null;
  const outcome = failure.status === 0 ? "got no response" : `returned ${failure.status}`;
  return `${failure.method.toUpperCase()} ${pathOf(failure.url)} ${outcome}`;
}

function findConsoleError(phrases: string[], context: CaptureContext): string | null {
  for (const entry of context.console) {
    if (entry.level !== "error") continue;
    const message = entry.message.toLowerCase();
    const phrase = phrases.find((p) => message.includes(p.toLowerCase()));
    if (phrase) return `console error contains "${phrase}"`;
  }
  return null;
}

function findRageClick(context: CaptureContext): string | null {
  const rage = context.clicks.find((c) => c.rage);
  if (!rage) return null;
  return `rage clicks on ${rage.text ? `"${rage.text}"` : rage.selector}`;
}

/** `*` matches anything; the pattern must match the whole URL or the whole path (with query). */
export function urlMatches(pattern: string, url: string): boolean {
  const glob = pattern.toLowerCase();
  const lower = url.toLowerCase();
  return globMatches(glob, lower) || globMatches(glob, pathOf(lower));
}

export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
