/** Builds the ticket body and keeps it under the size the server (and sendBeacon) accept. */
import type { CaptureContext } from "../shared/context.js";
import { WIDGET_LIMITS } from "../shared/limits.js";
import type { TicketCreateInput } from "../shared/widget-api.js";

const size = (value: unknown) => JSON.stringify(value).length;

/**
 * Drops stacks first, then the oldest entries of the longest lists, until the body fits `maxBytes`.
 * The customer's own words (subject, description) are never cut here.
 */
export function fitBody(body: TicketCreateInput, maxBytes: number = WIDGET_LIMITS.beaconBytes): TicketCreateInput {
  if (size(body) <= maxBytes) return body;
  const context = { ...(body.context as CaptureContext) };
  const fitted = { ...body, context };
  context.console = context.console.map(({ stack: _stack, ...rest }) => rest);
  const lists = ["clicks", "navigation", "console", "network"] as const;
  while (size(fitted) > maxBytes) {
    const longest = lists.reduce((a, b) => (context[a].length >= context[b].length ? a : b));
    if (!context[longest].length) break;
    context[longest] = context[longest].slice(Math.ceil(context[longest].length / 4)) as never;
  }
  return fitted;
}
