/**
 * For single-page apps that start the widget from code instead of pasting the script tag:
 *   import { init } from "https://support.example.com/widget/esm/esm.js";
 *   const handoff = init({ siteKey: "pk_..." });
 *   handoff.identify({ id: user.id, email: user.email, jwt });
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
  // Like the script tag: the server is where this module came from (the Handoff host when imported from it), not the
  // page's origin, which is the host app's.
  const api = createHandoff(normalizeConfig(options, new URL(import.meta.url).origin));
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
