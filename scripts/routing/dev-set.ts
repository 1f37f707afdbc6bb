/** Reads a labelled set in the evaluation's JSONL format (the development set, for choosing settings). */
import { readFileSync } from "node:fs";
import type { RoutingModel } from "../../server/services/routing/classifier/routing-model.js";
import { mulberry32, shuffle } from "../../server/services/routing/classifier/softmax.js";
import {
  DEFAULT_REFINE_SETTINGS,
  type LabelledTicket,
  type RefineSettings,
  refineModel,
} from "../../server/services/routing/classifier/train-routing-model.js";

export interface SetTicket extends LabelledTicket {
  workspace: string;
  lang: string;
}

export function readSet(path: string): SetTicket[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const row = JSON.parse(line);
      return {
        workspace: row.workspace,
        lang: row.lang,
        subject: row.subject,
        description: row.description,
        queue: row.queue,
        security: row.security,
        pageUrl: row.context?.pageUrl,
        failedRequests: row.context?.failedRequests,
        consoleErrors: row.context?.consoleErrors,
      };
    });
}

/**
 * eval:routing's "after N" protocol for one shuffle: each workspace's tickets in the seed's random order, a model
 * refined on the first N, and the others to score. Workspaces with N tickets or fewer have nothing left to score.
 */
export async function* afterNSplits<T extends SetTicket>(
  tickets: T[],
  prior: RoutingModel,
  n: number,
  seed: number,
  settings: RefineSettings = DEFAULT_REFINE_SETTINGS,
): AsyncGenerator<{ workspace: string; model: RoutingModel; rest: T[]; learnMs: number }> {
  for (const workspace of new Set(tickets.map((t) => t.workspace))) {
    const own = shuffle(
      tickets.filter((t) => t.workspace === workspace),
      mulberry32(seed),
    );
    if (own.length <= n) continue;
    const started = performance.now();
    const model = await refineModel(prior, own.slice(0, n), settings);
    yield { workspace, model, rest: own.slice(n), learnMs: performance.now() - started };
  }
}
