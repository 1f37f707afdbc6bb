/** The script-tag entry, imported by loader.ts: reads the tag's data- attributes and replaces the queueing stub. */
import type { HandoffApi } from "./api.js";
import { normalizeConfig, optionsFromDataset } from "./config.js";
import { createHandoff } from "./core.js";

export interface BootInput {
  data: Record<string, string | undefined>;
  scriptSrc: string;
  base: string;
}

type QueuedCall = [string, unknown[]] | ArrayLike<unknown>;

export function boot(input: BootInput): HandoffApi | undefined {
  const w = window as unknown as { Handoff?: { q?: QueuedCall[] } & Partial<HandoffApi> };
  const options = optionsFromDataset(input.data);
  if (!options.siteKey) {
    console.warn("[Handoff] data-site-key is missing on the script tag; the widget is not started.");
    return undefined;
  }
  const api = createHandoff(normalizeConfig(options, new URL(input.scriptSrc).origin));
  const queue = w.Handoff?.q || [];
  const shutdown = api.shutdown;
  w.Handoff = {
    ...api,
    shutdown: () => {
      shutdown();
      delete w.Handoff;
    },
  };
  for (const call of queue) {
    // [name, args] from our stub, or an `arguments` object from a function-style stub: Handoff("open")
    const [name, args] =
      Array.isArray(call) && Array.isArray(call[1]) ? call : [call[0], Array.prototype.slice.call(call, 1)];
    const method = (w.Handoff as Record<string, unknown>)?.[name as string];
    if (typeof method === "function") {
      try {
        method(...(args as unknown[]));
      } catch (error) {
        console.warn("[Handoff] queued call failed", name, error);
      }
    }
  }
  return api;
}

// widget.js left its script tag's settings on the stub, then imported this chunk (by its hashed name, so not via an
// export whose name the minifier chose).
const start = (window as unknown as { Handoff?: { start?: BootInput } }).Handoff?.start;
if (start) boot(start);
