/**
 * Checks of the parts of a paging cursor (base64url of "…|time|id") before they reach SQL: a cursor is opaque to
 * clients, but a forged or corrupted one must be a 422, not a database error (a 500) on its ::timestamptz or ::uuid.
 */
import { isUuid } from "./uuid.js";

const MICRO_ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.\d{6}Z$/;

export const isCursorId = isUuid;

/** A UTC time with microseconds (as the database prints it) that names a real instant: no month 13 or hour 99. */
export function isCursorTime(iso: string | undefined): iso is string {
  const m = MICRO_ISO.exec(iso ?? "");
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

/** A value the database's integer columns can hold. */
export const isCursorInt = (n: number) => Number.isInteger(n) && Math.abs(n) <= 2_147_483_647;
