import type { CaptureContext } from "./context.js";
import type { ReplayMoment } from "./escalation-api.js";

/** What the draft needs from a ticket (a TicketDetail has all of it). */
export interface DraftSource {
  subject: string;
  pageUrl: string;
  context: CaptureContext;
  /** Where the recording starts and how long it is, when there is a stored one: moments are offsets into it. */
  recording: { startedAt: number | null; durationMs: number | null };
}

export interface HandoffDraft {
  summary: string;
  /** Failed requests, console errors and rage clicks inside the recording, in time order. */
  replayMoments: ReplayMoment[];
}

const MAX_MOMENTS = 10;

/**
 * The escalation form's starting point, generated from the captured context, e.g.
 * "On /reports the customer clicked Export 3 times; POST /api/export returned 500 twice; console: TypeError: x is undefined".
 * One sentence (the API requires it): sentence breaks inside captured text become commas.
 */
export function draftHandoff(source: DraftSource): HandoffDraft {
  const { context } = source;
  const parts: string[] = [];
  const clicks = topClick(context);
  const page = pathOf(source.pageUrl);
  if (clicks) parts.push(`On ${page} the customer clicked ${clicks.label} ${times(clicks.count)}`);
  else parts.push(`On ${page} the customer reported "${source.subject.trim() || "a problem"}"`);

  const failures = new Map<string, number>();
  for (const f of context.network) {
    const key = `${f.method.toUpperCase()} ${pathOf(f.url)} ${f.status === 0 ? "got no response" : `returned ${f.status}`}`;
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
  for (const [key, count] of [...failures].slice(0, 2)) parts.push(`${key} ${times(count)}`);

  const error = context.console.find((e) => e.level === "error");
  if (error) parts.push(`console: ${firstLine(error.message, 140)}`);

  const summary = parts
    .join("; ")
    .replace(/([.!?])+\s+(?=\S)/g, ", ")
    .slice(0, 300);
  return { summary, replayMoments: candidateMoments(source) };
}

function candidateMoments(source: DraftSource): ReplayMoment[] {
  const { startedAt, durationMs } = source.recording;
  if (startedAt === null || durationMs === null) return [];
  const inside = (t: number) => t >= startedAt && t <= startedAt + durationMs;
  const moments: { t: number; note: string }[] = [];
  for (const f of source.context.network) {
    if (inside(f.t))
      moments.push({
        t: f.t,
        note: `${f.method.toUpperCase()} ${pathOf(f.url)} ${f.status === 0 ? "got no response" : `returned ${f.status}`}`,
      });
  }
  for (const e of source.context.console) {
    if (e.level === "error" && inside(e.t)) moments.push({ t: e.t, note: `console: ${firstLine(e.message, 150)}` });
  }
  const rage = new Set<string>();
  for (const c of source.context.clicks) {
    // One moment per rage-clicked element: the first click of the burst.
    if (c.rage && inside(c.t) && !rage.has(c.selector)) {
      rage.add(c.selector);
      moments.push({ t: c.t, note: `rage clicks on ${c.text ? `"${c.text}"` : c.selector}` });
    }
  }
  return moments
    .sort((a, b) => a.t - b.t)
    .slice(0, MAX_MOMENTS)
    .map((m) => ({ atMs: m.t - startedAt, note: m.note }));
}

/** The element clicked most often (rage-clicked ones first; on a tie the latest, nearest to what went wrong). */
function topClick(context: CaptureContext): { label: string; count: number } | null {
  const counts = new Map<string, { label: string; count: number; rage: boolean; last: number }>();
  for (const click of context.clicks) {
    const entry = counts.get(click.selector) ?? {
      label: click.text?.trim() || click.selector,
      count: 0,
      rage: false,
      last: click.t,
    };
    entry.count += 1;
    entry.rage ||= !!click.rage;
    entry.last = Math.max(entry.last, click.t);
    counts.set(click.selector, entry);
  }
  const sorted = [...counts.values()].sort(
    (a, b) => Number(b.rage) - Number(a.rage) || b.count - a.count || b.last - a.last,
  );
  return sorted[0] ?? null;
}

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

function firstLine(text: string, max: number): string {
  const line = (text.split("\n")[0] ?? "").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
