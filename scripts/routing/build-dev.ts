/**
 * `npm run routing:dev-build`: turns the hand-written development set (data/routing/dev/<workspace>.txt, one
 * ticket a line: `queue | lang | subject | description | context`) into data/routing/dev/dev.jsonl, the same
 * format as the evaluation set. The development set is for choosing settings only: nothing trains on it.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mulberry32, shuffle } from "../../server/services/routing/classifier/softmax.js";

const DIR = "data/routing/dev";
const QUEUES: Record<string, string> = { b: "billing", a: "account", t: "technical", g: "general", s: "security" };

interface Context {
  pageUrl?: string;
  failedRequests?: { method: string; url: string; status: number }[];
  consoleErrors?: string[];
}

/** `page path ; fail METHOD STATUS path ; err message` (each part optional) -> the widget's captured context. */
export function parseContext(workspace: string, text: string | undefined): Context | undefined {
  if (!text?.trim()) return undefined;
  const origin = `https://app.${workspace}.example`;
  const context: Context = {};
  for (const part of text.split(";").map((p) => p.trim())) {
    if (!part) continue;
    if (part.startsWith("fail ")) {
      const [, method, status, path] = part.split(/\s+/);
      context.failedRequests = [
        ...(context.failedRequests ?? []),
        { method: method!, url: `${origin}${path}`, status: Number(status) },
      ];
    } else if (part.startsWith("err ")) {
      context.consoleErrors = [...(context.consoleErrors ?? []), part.slice(4)];
    } else {
      context.pageUrl = `${origin}${part}`;
    }
  }
  return context;
}

export function parseLine(workspace: string, line: string) {
  const [q, lang, subject, description, context] = line.split(" | ").map((s) => s.trim());
  const queue = QUEUES[q!];
  if (!queue || !["en", "de", "fr"].includes(lang!) || !subject || !description) {
    throw new Error(`${workspace}: bad line: ${line}`);
  }
  return {
    workspace,
    lang,
    subject,
    description,
    queue,
    security: queue === "security",
    context: parseContext(workspace, context),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = readdirSync(DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((file) => {
      const workspace = file.replace(/\.txt$/, "");
      return readFileSync(`${DIR}/${file}`, "utf8")
        .split("\n")
        .filter((line) => line.trim() && !line.startsWith("#"))
        .map((line) => parseLine(workspace, line));
    });
  const lines = shuffle(rows, mulberry32(2026)).map((row, i) =>
    JSON.stringify({ id: `dev-${String(i + 1).padStart(4, "0")}`, ...row }),
  );
  writeFileSync(`${DIR}/dev.jsonl`, `${lines.join("\n")}\n`);
  const count = (key: "queue" | "lang" | "workspace") =>
    [...new Set(rows.map((r) => String(r[key])))]
      .map((k) => `${k} ${rows.filter((r) => String(r[key]) === k).length}`)
      .join(", ");
  console.log(
    `${rows.length} tickets -> ${DIR}/dev.jsonl\n  ${count("workspace")}\n  ${count("queue")}\n  ${count("lang")}`,
  );
  console.log(`  with context: ${rows.filter((r) => r.context).length}`);
}
