import type { ConsoleEntry } from "../../../shared/index.js";
import type { ReplayModel } from "../replay/replay-model.js";
import { Section } from "../ui/section.js";
import { EventTime } from "./event-time.js";

const KIND_LABELS: Record<ConsoleEntry["kind"], string> = {
  console: "console",
  uncaught: "uncaught error",
  unhandledrejection: "unhandled rejection",
};

export function ConsoleSection(props: { entries: ConsoleEntry[]; reference: number | null; replay: ReplayModel }) {
  const { entries, reference, replay } = props;
  return (
    <Section id="console-errors" title="Console errors" count={entries.length} empty="No console errors or warnings.">
      <ul class="log">
        {entries.map((entry, index) => (
          <li key={`${entry.t}-${index}`} class={`log__entry log__entry--${entry.level}`}>
            <div class="log__head">
              <EventTime t={entry.t} reference={reference} replay={replay} label={entry.level} />
              <span class={`badge badge--${entry.level}`}>{entry.level === "error" ? "Error" : "Warning"}</span>
              <span class="muted small">{KIND_LABELS[entry.kind]}</span>
            </div>
            <pre class="log__message">{entry.message}</pre>
            {entry.stack && (
              <details class="log__stack">
                <summary>Stack trace</summary>
                <pre>{entry.stack}</pre>
              </details>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
