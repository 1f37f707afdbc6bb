import type { TicketDetail } from "../../../shared/index.js";

export type MarkerKind = "click" | "rage" | "dead" | "navigation" | "error" | "request" | "widget";

export interface TimelineMarker {
  t: number;
  kind: MarkerKind;
  label: string;
  detail?: string;
}

export const MARKER_NAMES: Record<MarkerKind, string> = {
  click: "Click",
  rage: "Rage click",
  dead: "Dead click",
  navigation: "Navigation",
  error: "Console error",
  request: "Failed request",
  widget: "Opened the widget",
};

/** Everything the widget captured, as one time-ordered list of replay markers. */
export function markersOf(ticket: TicketDetail): TimelineMarker[] {
  const { context } = ticket;
  const markers: TimelineMarker[] = [
    ...context.clicks.map(
      (c): TimelineMarker => ({
        t: c.t,
        kind: c.rage ? "rage" : c.dead ? "dead" : "click",
        label: c.text ? `“${c.text}”` : c.tag,
        detail: c.selector,
      }),
    ),
    ...context.navigation.map(
      (n): TimelineMarker => ({ t: n.t, kind: "navigation", label: n.title ?? n.url, detail: n.url }),
    ),
    ...context.console
      .filter((e) => e.level === "error")
      .map((e): TimelineMarker => ({ t: e.t, kind: "error", label: e.message })),
    ...context.network.map(
      (r): TimelineMarker => ({
        t: r.t,
        kind: "request",
        label: `${r.method} ${r.status || "no response"}`,
        detail: r.url,
      }),
    ),
  ];
  if (ticket.openedAt !== null)
    markers.push({ t: ticket.openedAt, kind: "widget", label: "The customer opened the help widget" });
  return markers.sort((a, b) => a.t - b.t);
}

/** The index of the last marker at or before the playhead (what the customer was doing then), or -1. */
export function currentIndex(markers: TimelineMarker[], playhead: number | null): number {
  if (playhead === null) return -1;
  let found = -1;
  for (let i = 0; i < markers.length; i++) if (markers[i]!.t <= playhead) found = i;
  return found;
}
