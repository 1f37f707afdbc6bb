/**
 * For single-page apps that bundle the widget instead of pasting the script tag:
 *   import { init } from "handoff/widget";
 *   const handoff = init({ siteKey: "pk_...", apiOrigin: "https://support.example.com" });
 *   handoff.identify({ id: user.id, email: user.email, userHash });
 * The recorder still loads lazily, once the page is idle.
 */
import type { HandoffApi } from "./api.js";
import { normalizeConfig, type WidgetOptions } from "./config.js";
import { createHandoff } from "./core.js";

export type { HandoffApi, HandoffEvents, TicketCreatedEvent } from "./api.js";
export type { WidgetOptions } from "./config.js";

let current: HandoffApi | undefined;

/** Starts the widget (once: calling init again shuts the previous instance down first). */
export function init(options: WidgetOptions): HandoffApi {
  if (!options?.siteKey) throw new Error("Handoff: siteKey is required");
  current?.shutdown();
  const api = createHandoff(normalizeConfig(options, location.origin));
  const shutdown = api.shutdown;
  current = {
    ...api,
    shutdown: () => {
      shutdown();
      current = undefined;
    },
  };
  return current;
}
