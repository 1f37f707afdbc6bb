/** Reads a labelled set in the evaluation's JSONL format (the development set, for choosing settings). */
import { readFileSync } from "node:fs";
import type { LabelledTicket } from "../../server/services/routing/classifier/train-routing-model.js";

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
