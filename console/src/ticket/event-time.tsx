import { formatClock, formatDateTime, formatOffset } from "../ui/format.js";
import type { ReplayModel } from "../replay/replay-model.js";

interface EventTimeProps {
  t: number;
  /** When the ticket was sent; offsets read "−12.4 s" before it. */
  reference: number | null;
  replay: ReplayModel;
  label: string;
}

/** The time of a captured event; a button that seeks the replay when the recording covers that moment. */
export function EventTime({ t, reference, replay, label }: EventTimeProps) {
  const offset = formatOffset(t, reference);
  const content = (
    <>
      <time dateTime={new Date(t).toISOString()} title={formatDateTime(t)}>
        {formatClock(t)}
      </time>
      {offset && <span class="offset">{offset}</span>}
    </>
  );
  if (!replay.covers(t)) return <span class="event-time">{content}</span>;
  return (
    <button
      type="button"
      class="event-time event-time--seek"
      onClick={() => {
        replay.seekTo(t);
        document.getElementById("replay")?.scrollIntoView({ behavior: "smooth", block: "nearest" });
      }}
    >
      <span aria-hidden="true" class="event-time__play">
        ▶
      </span>
      {/* The name keeps the visible time in it (WCAG 2.5.3): "Show click at 12:00:01 −12.4 s in the replay". */}
      <span class="visually-hidden">Show {label} at </span>
      {content}
      <span class="visually-hidden"> in the replay</span>
    </button>
  );
}
