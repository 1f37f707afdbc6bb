/** Everything captured besides the recording: clicks, navigation, console, failed requests, environment. */
import type { CaptureContext, Click, ConsoleEntry, Navigation, NetworkFailure } from "../../shared/context.js";
import { WIDGET_LIMITS } from "../../shared/limits.js";
import { startClicks } from "./clicks.js";
import { startConsole } from "./console.js";
import { readEnvironment } from "./environment.js";
import { startNavigation } from "./navigation.js";
import { startNetwork } from "./network.js";
import { Ring } from "./ring.js";
import { scrubUrl } from "./scrub.js";

export { scrubUrl };

export interface CaptureOptions {
  isOwnEvent(event: Event): boolean;
  isOwnUrl(url: string): boolean;
}

export interface Capture {
  snapshot(): Omit<CaptureContext, "metadata">;
  /** The current page as the ticket will show it (secrets scrubbed), without the origin. */
  pagePath(): string;
  stop(): void;
}

export function startCapture(options: CaptureOptions): Capture {
  const clicks = new Ring<Click>(WIDGET_LIMITS.clicks);
  const navigation = new Ring<Navigation>(WIDGET_LIMITS.navigation);
  const consoleEntries = new Ring<ConsoleEntry>(WIDGET_LIMITS.consoleEntries);
  const network = new Ring<NetworkFailure>(WIDGET_LIMITS.networkFailures);
  let lastNavigation = 0;
  const teardowns: (() => void)[] = [];
  const safely = (start: () => () => void) => {
    try {
      teardowns.push(start());
    } catch {
      /* one broken capture (odd browser, frozen globals) must not stop the others */
    }
  };
  safely(() => startConsole(consoleEntries));
  safely(() => startNetwork(network, { isOwn: options.isOwnUrl }));
  safely(() => startNavigation(navigation, (t) => (lastNavigation = t)));
  safely(() => startClicks(clicks, { isOwn: options.isOwnEvent, lastNavigation: () => lastNavigation }));

  return {
    snapshot: () => ({
      clicks: clicks.toArray(),
      navigation: navigation.toArray(),
      console: consoleEntries.toArray(),
      network: network.toArray(),
      environment: readEnvironment(),
    }),
    pagePath: () => {
      const url = new URL(scrubUrl(location.href));
      return url.pathname + url.search + url.hash;
    },
    stop: () => {
      for (const teardown of teardowns.splice(0)) teardown();
    },
  };
}
