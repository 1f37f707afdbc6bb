/**
 * Calendar days of an IANA time zone, for metrics periods and weekly buckets: a lead in New York who picks one day
 * means midnight to midnight in New York, not in UTC. Intl only (every browser and Node has the zone data).
 */

const DAY = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(tz: string): Intl.DateTimeFormat {
  let format = formats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(tz, format);
  }
  return format;
}

/** Whether Intl knows the zone (an IANA name such as Europe/Berlin, or UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    formatOf(tz);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at that instant, in ms (east positive). */
function offsetAt(tz: string, instant: number): number {
  const parts = Object.fromEntries(
    formatOf(tz)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The calendar date (YYYY-MM-DD) in the zone at that instant. */
export function dateIn(tz: string, instant: Date | number): string {
  const t = typeof instant === "number" ? instant : instant.getTime();
  return new Date(t + offsetAt(tz, t)).toISOString().slice(0, 10);
}

/** The instant the date's first moment happens in the zone (its midnight, or the first hour after a DST gap). */
export function startOfDate(tz: string, date: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let t = wall - offsetAt(tz, wall);
  const again = offsetAt(tz, t);
  if (wall - again !== t) t = Math.max(t, wall - again);
  return new Date(t);
}

/** A date `days` later (or earlier), calendar arithmetic. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The Monday (ISO week start) of the week holding the date. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The zone's weeks (Monday to Monday) overlapping [from, to): their start dates and instants, and the end instant. */
export function weeksIn(tz: string, from: Date, to: Date): { weeks: { week: string; start: Date }[]; end: Date } {
  const weeks: { week: string; start: Date }[] = [];
  let week = mondayOf(dateIn(tz, from));
  let start = startOfDate(tz, week);
  while (start < to) {
    weeks.push({ week, start });
    week = addDays(week, 7);
    start = startOfDate(tz, week);
  }
  return { weeks, end: start };
}

/** The viewer's zone, as the browser knows it (UTC when it does not say). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
