import { signal } from "@preact/signals";
import type { RecordingInfo } from "../../../shared/index.js";
import { api, ApiError, isAbort } from "../api.js";
import type { PlayerHandle, ReplayEvent } from "./player.js";

export type ReplayState =
  | { kind: "none" }
  | { kind: "pending" }
  | { kind: "loading" }
  | { kind: "ready"; durationMs: number; startTime: number }
  | { kind: "unreadable"; reason: string; error?: ApiError };

/**
 * The ticket's session replay. Holds the player so other parts of the ticket (clicks, later a timeline)
 * can seek it. The player code is loaded only when a ticket actually has a recording.
 */
export function createReplayModel(ticketId: string, recording: RecordingInfo) {
  const state = signal<ReplayState>(
    recording.status === "none"
      ? { kind: "none" }
      : recording.status === "pending"
        ? { kind: "pending" }
        : { kind: "loading" },
  );
  let player: PlayerHandle | null = null;
  /** Assets of the recording refused because they live outside the workspace's allowed origins. */
  const blocked = signal<string[]>([]);
  /** Where the replay is, in epoch ms; null until it is ready. The timeline highlights the event at this moment. */
  const playhead = signal<number | null>(null);
  /** A moment asked for while the recording was still loading: the player goes there once it is ready. */
  let wanted: number | null = null;

  /** Fetches the events and mounts the player into target (which must be in the document); returns the teardown. */
  function mount(target: HTMLElement): () => void {
    if (recording.status !== "stored") return () => {};
    const controller = new AbortController();
    let disposed = false;
    void (async () => {
      try {
        const [{ events: raw, policy }, { mountPlayer }] = await Promise.all([
          api.getRecording(ticketId, controller.signal),
          import("./player.js"),
        ]);
        if (disposed) return;
        const events = readEvents(raw);
        if (typeof events === "string") {
          state.value = { kind: "unreadable", reason: events };
          return;
        }
        blocked.value = [];
        player = mountPlayer(target, events, {
          policy,
          onBlocked: (url) => (blocked.value = [...blocked.value, url]),
        });
        const meta = player.meta();
        state.value = { kind: "ready", durationMs: meta.totalTime, startTime: meta.startTime };
        playhead.value = meta.startTime;
        player.onTime((offset) => (playhead.value = meta.startTime + offset));
        if (wanted !== null) seekTo(wanted);
      } catch (caught) {
        if (disposed || isAbort(caught)) return;
        state.value =
          caught instanceof ApiError
            ? { kind: "unreadable", reason: caught.message, error: caught }
            : caught instanceof SyntaxError
              ? { kind: "unreadable", reason: "The recording is not valid JSON." }
              : { kind: "unreadable", reason: "The recording could not be played." };
      }
    })();
    return () => {
      disposed = true;
      controller.abort();
      player?.destroy();
      player = null;
    };
  }

  /** Jumps the replay to an epoch-ms moment (e.g. a click) and pauses there; while loading, once it has loaded. */
  function seekTo(epochMs: number): void {
    const current = state.value;
    if (current.kind === "loading") wanted = epochMs;
    if (!player || current.kind !== "ready") return;
    wanted = null;
    const offset = Math.min(Math.max(0, epochMs - current.startTime), current.durationMs);
    player.goto(offset);
    playhead.value = current.startTime + offset;
  }

  return {
    state,
    blocked,
    playhead,
    mount,
    seekTo,
    /** Space on the ticket: play or pause. */
    togglePlay(): void {
      if (state.value.kind === "ready") player?.toggle();
    },
    /** Whether an epoch-ms moment falls inside the recording. */
    covers(epochMs: number): boolean {
      const current = state.value;
      return (
        current.kind === "ready" && epochMs >= current.startTime && epochMs <= current.startTime + current.durationMs
      );
    },
  };
}
export type ReplayModel = ReturnType<typeof createReplayModel>;

/** Checks the shape rrweb needs; returns the events or why they can't be replayed. */
function readEvents(raw: unknown): ReplayEvent[] | string {
  if (!Array.isArray(raw)) return "The recording is not a list of events.";
  const events = raw.filter(
    (event): event is ReplayEvent =>
      typeof event === "object" &&
      event !== null &&
      typeof event.type === "number" &&
      typeof event.timestamp === "number",
  );
  if (events.length < 2) return "The recording has too few events to replay.";
  // Type 2 is rrweb's FullSnapshot: without one there is no page to draw.
  if (!events.some((event) => event.type === 2)) return "The recording has no full page snapshot.";
  return events.sort((a, b) => a.timestamp - b.timestamp);
}
