import type { TicketDetail } from "../../../shared/index.js";
import { announce } from "../keyboard/announcer.js";
import { useShortcuts } from "../keyboard/shortcuts.js";
import { formatClock } from "../ui/format.js";
import type { ReplayModel } from "./replay-model.js";
import { currentIndex, MARKER_NAMES, markersOf, type TimelineMarker } from "./timeline-markers.js";

/**
 * Under the player: a bar with a marker per captured event, and the same events as a list. Clicking either seeks
 * the replay; the event at the playhead is highlighted as the replay plays.
 */
export function ReplayTimeline({ ticket, replay }: { ticket: TicketDetail; replay: ReplayModel }) {
  const state = replay.state.value;
  const ready = state.kind === "ready";
  const step = (direction: 1 | -1) => {
    if (!ready) return;
    const list = markersOf(ticket).filter((m) => replay.covers(m.t));
    const now = replay.playhead.value ?? state.startTime;
    // Past the marker at the playhead, in the chosen direction (a marker within 50 ms counts as "here").
    const next = direction > 0 ? list.find((m) => m.t > now + 50) : list.findLast((m) => m.t < now - 50);
    if (!next) return announce(direction > 0 ? "No later marker" : "No earlier marker");
    replay.seekTo(next.t);
    announce(`${MARKER_NAMES[next.kind]} at ${playerClock(next.t - state.startTime)}: ${next.label}`);
  };
  // Only with a playable recording: otherwise Space and the arrows keep scrolling the page.
  useShortcuts(ready ? { " ": () => replay.togglePlay(), ArrowRight: () => step(1), ArrowLeft: () => step(-1) } : {});
  if (state.kind !== "ready") return null;
  const markers = markersOf(ticket).filter((m) => replay.covers(m.t));
  const playhead = replay.playhead.value;
  const current = currentIndex(markers, playhead);
  const at = (t: number) =>
    `${Math.min(100, Math.max(0, ((t - state.startTime) / Math.max(1, state.durationMs)) * 100))}%`;
  const offset = (t: number) => playerClock(t - state.startTime);

  return (
    <section class="replay-timeline" aria-label="Replay timeline">
      <fieldset class="replay-timeline__bar bare-fieldset">
        <legend class="visually-hidden">Markers</legend>
        {playhead !== null && (
          <span class="replay-timeline__playhead" style={{ left: at(playhead) }} aria-hidden="true" />
        )}
        {markers.map((marker, index) => (
          <button
            key={`${marker.t}-${index}`}
            type="button"
            class={`replay-timeline__marker replay-timeline__marker--${marker.kind}`}
            style={{ left: at(marker.t) }}
            title={`${MARKER_NAMES[marker.kind]} at ${offset(marker.t)}: ${marker.label}`}
            aria-label={`Seek to ${MARKER_NAMES[marker.kind].toLowerCase()} at ${offset(marker.t)}`}
            onClick={() => replay.seekTo(marker.t)}
          />
        ))}
      </fieldset>
      {markers.length === 0 ? (
        <p class="muted small">Nothing notable was captured during the recording.</p>
      ) : (
        <ol class="replay-timeline__list">
          {markers.map((marker, index) => (
            <MarkerRow
              key={`${marker.t}-${index}`}
              marker={marker}
              offset={offset(marker.t)}
              current={index === current}
              onSeek={() => replay.seekTo(marker.t)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function MarkerRow(props: { marker: TimelineMarker; offset: string; current: boolean; onSeek(): void }) {
  const { marker } = props;
  return (
    <li
      class={`replay-timeline__item${props.current ? " replay-timeline__item--current" : ""}`}
      aria-current={props.current ? "true" : undefined}
    >
      <button type="button" class="replay-timeline__seek" onClick={props.onSeek} title={formatClock(marker.t)}>
        <span class={`replay-timeline__dot replay-timeline__marker--${marker.kind}`} aria-hidden="true" />
        <span class="replay-timeline__offset mono">{props.offset}</span>
        <span class="replay-timeline__kind">{MARKER_NAMES[marker.kind]}</span>
        <span class="replay-timeline__label">{marker.label}</span>
        {marker.detail && <span class="replay-timeline__detail muted small">{marker.detail}</span>}
      </button>
    </li>
  );
}

/** mm:ss like the player's own clock, so a marker's time reads the same as the player after seeking. */
function playerClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}
