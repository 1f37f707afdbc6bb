import rrwebPlayer from "rrweb-player";
import "rrweb-player/dist/style.css";
import { guardReplayAssets } from "./asset-guard.js";

/** What rrweb-player needs from an event; the full rrweb types come with the player. */
export type ReplayEvent = ConstructorParameters<typeof rrwebPlayer>[0]["props"]["events"][number];

export interface PlayerHandle {
  goto(offsetMs: number): void;
  /** Plays if paused, pauses if playing. */
  toggle(): void;
  meta(): { startTime: number; endTime: number; totalTime: number };
  /** Calls back with the playhead (ms from the start) whenever it moves: playing, seeking, scrubbing. */
  onTime(listener: (offsetMs: number) => void): void;
  /** rrweb's Replayer, for a future timeline (markers, seeking, events). */
  replayer(): ReturnType<rrwebPlayer["getReplayer"]>;
  destroy(): void;
}

/** rrweb-player is a Svelte component; its typings reference svelte, which is not installed. */
interface SvelteLifecycle {
  $set(props: Record<string, unknown>): void;
  $destroy(): void;
}

const MAX_FRAME_HEIGHT = 560;
/**
 * A portrait (phone) recording may be taller, up to most of the window: at 560 px a 390 × 844 screen was drawn at
 * two thirds of its size, 259 px wide, and its 14-16 px text at 9-11 px.
 */
const MAX_PORTRAIT_HEIGHT = 900;

export interface MountOptions {
  /** The server's Content-Security-Policy for this replay's assets (null: nothing loads from the network). */
  policy: string | null;
  /** An asset the policy blocked (each URL once): the panel says so. */
  onBlocked?: (url: string) => void;
}

/**
 * Mounts rrweb-player into target. The replay iframe keeps rrweb's default sandbox ("allow-same-origin",
 * no scripts): recorded pages are the customer's, never trusted code; and its assets load only where the policy says.
 */
export function mountPlayer(target: HTMLElement, events: ReplayEvent[], options: MountOptions): PlayerHandle {
  const aspect = recordedAspect(events);
  const size = () => {
    const width = Math.max(320, Math.floor(target.clientWidth));
    const tallest =
      aspect < 1
        ? Math.max(MAX_FRAME_HEIGHT, Math.min(MAX_PORTRAIT_HEIGHT, window.innerHeight - 160))
        : MAX_FRAME_HEIGHT;
    return { width, height: Math.min(tallest, Math.round(width / aspect)) };
  };
  const player = new rrwebPlayer({
    target,
    // triggerFocus off: rrweb would replay the customer's focus with element.focus(), pulling the agent's keyboard
    // into the frame, where the console's shortcuts (Space, e, Esc) no longer reach.
    props: { events, ...size(), autoPlay: false, showController: true, skipInactive: true, triggerFocus: false },
  }) as rrwebPlayer & SvelteLifecycle;

  // Synchronously, before rrweb's first rebuild (a timer away): nothing of the recording is in the document yet.
  const unguard = guardReplayAssets(player.getReplayer(), options.policy, options.onBlocked ?? (() => {}));

  // The replay is for watching, not interacting (rrweb disables pointer events): keep it out of the tab order.
  const frame = player.getReplayer().iframe;
  frame.title = "Replay of the customer's session";
  frame.tabIndex = -1;

  const unlabel = labelControls(target, player);

  let lastWidth = target.clientWidth;
  const observer = new ResizeObserver(() => {
    if (Math.abs(target.clientWidth - lastWidth) < 8) return;
    lastWidth = target.clientWidth;
    player.$set(size());
    player.triggerResize();
  });
  observer.observe(target);

  return {
    goto: (offsetMs) => player.goto(offsetMs, false),
    toggle: () => player.toggle(),
    meta: () => player.getMetaData(),
    onTime: (listener) =>
      player.addEventListener("ui-update-current-time", (detail) => {
        const payload = (detail as { payload?: unknown } | undefined)?.payload;
        if (typeof payload === "number") listener(payload);
      }),
    replayer: () => player.getReplayer(),
    destroy() {
      observer.disconnect();
      unlabel();
      unguard();
      // The Svelte component only pauses on destroy; the replayer owns the iframe and its timers.
      try {
        player.getReplayer().destroy();
      } catch {
        // Already torn down.
      }
      player.$destroy();
      target.replaceChildren();
    },
  };
}

/**
 * rrweb-player's controls are icon buttons and a switch without names: name them (and keep the play button's name
 * in step with the state) so a screen reader says "Play" instead of "button". Returns the teardown.
 */
function labelControls(target: HTMLElement, player: rrwebPlayer): () => void {
  const buttons = [...target.querySelectorAll<HTMLButtonElement>(".rr-controller__btns > button")];
  const play = buttons[0];
  const fullscreen = buttons.at(-1);
  for (const speed of buttons.slice(1, -1)) speed.setAttribute("aria-label", `Speed ${speed.textContent?.trim()}`);
  fullscreen?.setAttribute("aria-label", "Full screen");
  target.querySelector(".rr-controller .switch input")?.setAttribute("aria-label", "Skip inactive periods");
  for (const icon of target.querySelectorAll(".rr-controller svg")) icon.setAttribute("aria-hidden", "true");
  const setPlay = (playing: boolean) => play?.setAttribute("aria-label", playing ? "Pause" : "Play");
  setPlay(false);
  let live = true;
  player.addEventListener("ui-update-player-state", (detail) => {
    if (live) setPlay((detail as { payload?: unknown } | undefined)?.payload === "playing");
  });
  return () => {
    live = false;
  };
}

/** Width/height of the customer's viewport from rrweb's Meta event (type 4); 16:10 if missing. */
function recordedAspect(events: ReplayEvent[]): number {
  const meta = events.find((event) => event.type === 4) as { data?: { width?: number; height?: number } } | undefined;
  const width = meta?.data?.width;
  const height = meta?.data?.height;
  return width && height && width > 0 && height > 0 ? width / height : 16 / 10;
}
