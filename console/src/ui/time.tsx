import { formatDateTime, formatRelative, toDate } from "./format.js";

/** A <time> showing "5 minutes ago" with the exact date on hover. */
export function RelativeTime({ value }: { value: string | number }) {
  const date = toDate(value);
  if (!date) return <span>{String(value)}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(value)}>
      {formatRelative(value)}
    </time>
  );
}
