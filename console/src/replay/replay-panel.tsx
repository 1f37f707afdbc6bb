import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { RecordingInfo } from "../../../shared/index.js";
import { formatBytes, formatDuration } from "../ui/format.js";
import type { ReplayModel } from "./replay-model.js";

interface ReplayPanelProps {
  model: ReplayModel;
  recording: RecordingInfo;
  /** The ticket is fresh and its recording promised: it is most likely still on its way. */
  uploading?: boolean;
  children?: ComponentChildren;
}

export function ReplayPanel({ model, recording, uploading, children }: ReplayPanelProps) {
  const target = useRef<HTMLElement>(null);
  useEffect(() => (target.current ? model.mount(target.current) : undefined), [model]);
  const state = model.state.value;
  const blocked = model.blocked.value;

  return (
    <section class="card replay" id="replay" aria-labelledby="replay-title">
      <h2 class="card__title" id="replay-title">
        Session replay
        {recording.durationMs !== null && <span class="count">{formatDuration(recording.durationMs)}</span>}
      </h2>
      {state.kind === "none" && (
        <p class="replay__state" data-replay-state="none">
          No recording was sent with this ticket.
        </p>
      )}
      {state.kind === "pending" && uploading && (
        <p class="replay__state" role="status" data-replay-state="uploading">
          Recording uploading from the customer's browser… It appears here as soon as it arrives.
        </p>
      )}
      {state.kind === "pending" && !uploading && (
        <p class="replay__state replay__state--warn" data-replay-state="pending">
          Recording missing (not uploaded). The customer's browser promised a recording but it never arrived — it may
          have closed the page before the upload finished.
        </p>
      )}
      {state.kind === "loading" && (
        <p class="replay__state" role="status" data-replay-state="loading">
          Loading recording{recording.compressedBytes ? ` (${formatBytes(recording.compressedBytes)})` : ""}…
        </p>
      )}
      {state.kind === "unreadable" && (
        <div class="replay__state replay__state--error" role="alert" data-replay-state="unreadable">
          <p>Recording unreadable: {state.reason}</p>
          {state.error?.requestId && (
            <p class="notice__meta">
              Request ID: <code class="request-id">{state.error.requestId}</code>
            </p>
          )}
        </div>
      )}
      {/* Always rendered while a recording exists: rrweb needs its root connected before it builds the iframe. */}
      {recording.status === "stored" && (
        <section
          ref={target}
          class="replay__player"
          hidden={state.kind === "unreadable"}
          aria-label="Session replay player"
        />
      )}
      {blocked.length > 0 && (
        <p class="replay__state" role="status" data-replay-state="blocked-assets">
          {blocked.length === 1 ? "1 image, style or font" : `${blocked.length} images, styles or fonts`} of this
          recording {blocked.length === 1 ? "was" : "were"} not loaded:{" "}
          {blocked.length === 1 ? "it comes" : "they come"} from outside this workspace's allowed origins (
          <span class="replay__blocked">{[...new Set(blocked.map(originOf))].join(", ")}</span>). They show as empty.
        </p>
      )}
      {children}
    </section>
  );
}

/** Where a blocked asset would have come from, for the notice (the full URL may carry the customer's data). */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
