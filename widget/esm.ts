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

/** Each option's type; its name is checked too, as a misspelt one ("bufferMb", "site_key") would do nothing. */
const OPTION_TYPES: Record<keyof WidgetOptions, string> = {
  siteKey: "string",
  apiOrigin: "string",
  windowSeconds: "number",
  maskInputs: "boolean",
  locale: "string",
  color: "string",
  position: "string",
  maxRecordingBytes: "number",
  texts: "object",
  maskText: "string or function",
  maskPatterns: "boolean",
  launcher: "boolean",
};

/** A wrong option is left out with a console message naming it: a bundler user's typo must not crash their app. */
function checkedOptions(options: WidgetOptions): WidgetOptions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    const type = OPTION_TYPES[key as keyof WidgetOptions];
    if (!type)
      console.warn(
        `[Handoff] init(): unknown option "${key}" ignored (options: ${Object.keys(OPTION_TYPES).join(", ")})`,
      );
    // A string is read as the script tag's attribute would be ("30", "false").
    else if (value != null && !type.includes(typeof value) && !(typeof value === "string" && type !== "object"))
      console.warn(`[Handoff] init(): ${key} must be a ${type}, got ${typeof value}; ignored`);
    else out[key] = value;
  }
  return out as unknown as WidgetOptions;
}

/** Starts the widget (once: calling init again shuts the previous instance down first). */
export function init(options: WidgetOptions): HandoffApi {
  if (typeof options?.siteKey !== "string" || !options.siteKey.trim())
    throw new Error("Handoff: init() needs siteKey, the workspace's site key (pk_…, in Admin > Widget settings)");
  current?.shutdown();
  // Like the script tag: the server is where this module came from (the Handoff host when imported from it), not the
  // page's origin, which is the host app's.
  const api = createHandoff(normalizeConfig(checkedOptions(options), new URL(import.meta.url).origin));
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
