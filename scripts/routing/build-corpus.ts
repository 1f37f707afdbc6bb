/**
 * Writes data/routing/train/corpus.jsonl from the hand-written statements in scripts/routing/corpus/
 * (deterministic: a fixed seed). Usage: npx tsx scripts/routing/build-corpus.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mulberry32, shuffle } from "../../server/services/routing/classifier/softmax.js";
import { account } from "./corpus/account.js";
import { billing } from "./corpus/billing.js";
import { type CorpusTicket, type Lang, type Queue, variants } from "./corpus/compose.js";
import { combinedStatements } from "./corpus/combinations.js";
import { general } from "./corpus/general.js";
import { more, nearMisses } from "./corpus/more.js";
import { security } from "./corpus/security.js";
import { technical } from "./corpus/technical.js";
import { eighth } from "./corpus/eighth.js";
import { eleventh } from "./corpus/eleventh.js";
import { fifth } from "./corpus/fifth.js";
import { fourth } from "./corpus/fourth.js";
import { ninth } from "./corpus/ninth.js";
import { seventh } from "./corpus/seventh.js";
import { sixth } from "./corpus/sixth.js";
import { third } from "./corpus/third.js";
import { thirteenth } from "./corpus/thirteenth.js";
import { twelfth } from "./corpus/twelfth.js";
import { fourteenth } from "./corpus/fourteenth.js";

const QUEUES = ["billing", "account", "technical", "general", "security"] as const;
const LANGS = ["en", "de", "fr"] as const;
const SOURCES = Object.fromEntries(
  QUEUES.map((q) => [q, Object.fromEntries(LANGS.map((l) => [l, [] as string[]]))]),
) as Record<Queue, Record<Lang, string[]>>;
/** The hand-written batch each statement comes from (`batch` in corpus.jsonl, held out whole by tune-batches.ts). */
const BATCH = new Map<string, string>();
const named = (batches: Record<string, Partial<Record<Queue, Record<Lang, string[]>>>>) => {
  for (const [name, batch] of Object.entries(batches)) {
    for (const byLang of Object.values(batch)) {
      for (const line of Object.values(byLang).flat()) if (!BATCH.has(line)) BATCH.set(line, name);
    }
  }
};
named({ first: { billing, account, technical, general, security }, more, nearMisses, third, fourth });
named({ fifth, sixth, seventh, eighth, ninth });
for (const source of [{ billing, account, technical, general, security }, more]) {
  for (const q of QUEUES) for (const l of LANGS) SOURCES[q][l].push(...source[q][l]);
}
for (const batch of [nearMisses, third, fourth]) {
  for (const [q, byLang] of Object.entries(batch) as [Queue, Record<Lang, string[]>][]) {
    for (const l of LANGS) SOURCES[q][l].push(...byLang[l]);
  }
}
const combinationRandom = mulberry32(99);
for (const l of LANGS) {
  const combined = combinedStatements(l, combinationRandom);
  SOURCES.security[l].push(...combined.security);
  SOURCES.account[l].push(...combined.account);
}
// Appended after the older batches so their statements keep their group names (held-out splits stay comparable).
for (const batch of [fifth, sixth, seventh, eighth, ninth]) {
  for (const [q, byLang] of Object.entries(batch) as [Queue, Record<Lang, string[]>][]) {
    for (const l of LANGS) SOURCES[q][l].push(...byLang[l]);
  }
}
/** Security is the rarest class and the one that must not be missed: more variants per statement. */
const VARIANTS: Record<Queue, number> = { billing: 5, account: 6, technical: 5, general: 5, security: 8 };

type Statement = { subject: string; description: string; queue: Queue; lang: Lang; group: string };

/** Every statement of `sources`, with its group and the ordinary first sentences to hide an incident behind. */
function forEachStatement(
  sources: Record<Queue, Record<Lang, string[]>>,
  tag: string,
  visit: (statement: Statement, line: string, partners: string[]) => void,
): void {
  for (const [queue, byLang] of Object.entries(sources) as [Queue, Record<Lang, string[]>][]) {
    for (const [lang, lines] of Object.entries(byLang) as [Lang, string[]][]) {
      const partners = (["billing", "account", "general"] as const).flatMap((q) =>
        SOURCES[q][lang].map((line) => (line.split(" | ")[1] ?? "").split(/(?<=[.?!])\s/)[0]!),
      );
      lines.forEach((line, i) => {
        const [subject, description] = line.split(" | ");
        if (!subject || !description) throw new Error(`bad statement: ${line}`);
        visit({ subject, description, queue, lang, group: `${queue}-${lang}-${tag}${i}` }, line, partners);
      });
    }
  }
}

export function buildCorpus(): CorpusTicket[] {
  const random = mulberry32(13);
  const tickets: CorpusTicket[] = [];
  forEachStatement(SOURCES, "", (statement, line, partners) => {
    const batch = BATCH.get(line) ?? "combinations";
    const made = variants(statement, VARIANTS[statement.queue], random, partners);
    tickets.push(...made.map((t) => ({ ...t, batch })));
  });
  const older = shuffle(tickets, random);
  // The eleventh to fourteenth batches (built in since branches `routing-13s`, `routing-13u` and `security13`;
  // `ROUTING_ELEVENTH=0` / `ROUTING_TWELFTH=0` / `ROUTING_THIRTEENTH=0` / `ROUTING_FOURTEENTH=0` leave one out, data/routing/README.md) each draw their variants and their places from a random of their own,
  // so every older ticket and their order stay exactly as before: a before/after comparison is the batch alone.
  const candidates = [
    { name: "eleventh", on: process.env.ROUTING_ELEVENTH !== "0", statements: eleventh, seed: 1113 },
    { name: "twelfth", on: process.env.ROUTING_TWELFTH !== "0", statements: twelfth, seed: 1213 },
    // How-to questions in security-adjacent words (branch `routing-13q`); left out until the threshold stopped
    // moving with each retrain: at the fixed 0.12 it has the development set's false alarms and recall unchanged.
    { name: "thirteenth", on: process.env.ROUTING_THIRTEENTH !== "0", statements: thirteenth, seed: 1313 },
    // Who acted (branch `security13`): faults, access requests and routine asks in incidents' words, and incidents
    // where someone else acted. Built in at the fixed 0.12: fewer development false alarms at every threshold (9 -> 8
    // at 0.12), more margin below its lowest incident, fewer on cross-validation of the older statements.
    { name: "fourteenth", on: process.env.ROUTING_FOURTEENTH !== "0", statements: fourteenth, seed: 1413 },
  ];
  for (const { name, on, statements, seed } of candidates) {
    if (!on) continue;
    const own = mulberry32(seed);
    const sources = statements as Partial<Record<Queue, Record<Lang, string[]>>> as Record<
      Queue,
      Record<Lang, string[]>
    >;
    forEachStatement(sources, `${name}-`, (statement, _line, partners) => {
      for (const t of variants(statement, VARIANTS[statement.queue], own, partners)) {
        older.splice(Math.floor(own() * (older.length + 1)), 0, { ...t, batch: name });
      }
    });
  }
  return older;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tickets = buildCorpus();
  mkdirSync("data/routing/train", { recursive: true });
  writeFileSync("data/routing/train/corpus.jsonl", `${tickets.map((t) => JSON.stringify(t)).join("\n")}\n`);
  const counts: Record<string, number> = {};
  for (const t of tickets) counts[`${t.queue}/${t.lang}`] = (counts[`${t.queue}/${t.lang}`] ?? 0) + 1;
  console.log(`${tickets.length} tickets from ${new Set(tickets.map((t) => t.group)).size} statements`, counts);
}
