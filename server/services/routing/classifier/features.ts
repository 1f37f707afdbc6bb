/**
 * Text -> sparse feature vector for the routing models. Words (lightly stemmed), word bigrams and character
 * n-grams inside words carry the text in en/de/fr with typos; the captured context (page, failed requests,
 * console errors) adds a few features of its own. Each group is L2-normalised and weighted, so a long ticket
 * does not drown a short one and character n-grams do not drown words.
 */
export interface TicketText {
  subject: string;
  description: string;
  /** Page the customer was on, when captured. */
  pageUrl?: string;
  failedRequests?: { method: string; url: string; status: number }[];
  consoleErrors?: string[];
}

/** Sparse vector: feature name -> value. */
export type Features = Map<string, number>;

export const GROUP_WEIGHT = { w: 1, b: 0.5, c: 0.9, x: 0.3 };

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could do does did for from has have had i if in is it its me my no not of on or our " +
    "please so that the this to was we were when with you your us they them there their just also any all some will would " +
    "der die das und ist nicht ein eine einen einem einer es ich wir sie mit auf für von zu den dem des im in bei hat haben " +
    "auch noch aber oder wie was wenn dass so uns unser unsere mir mich bitte danke hallo " +
    "le la les un une des du de et est pas je nous vous il elle on en au aux ce cette sur pour par avec dans qui que " +
    "mais ou ne se sa son ses mon ma mes notre nos votre vos merci bonjour"
  ).split(" "),
);

/** Lower case, no accents (ä -> a, é -> e, ß -> ss), straight apostrophes. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019`]/g, "'");
}

export function words(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const SUFFIXES = [
  "ations",
  "ation",
  "ungen",
  "ments",
  "ment",
  "ingen",
  "ings",
  "ing",
  "ions",
  "ion",
  "ees",
  "ies",
  "ied",
  "ung",
  "ed",
  "es",
  "er",
  "en",
  "ee",
  "ly",
  "e",
  "s",
];

/** A light suffix stripper for en/de/fr: merges plural and inflected forms; character n-grams cover the rest. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

function add(map: Features, key: string, value = 1) {
  map.set(key, (map.get(key) ?? 0) + value);
}

/** log(1 + count), L2-normalised, times the group's weight, merged into `out`. */
function mergeGroup(out: Features, group: Features, weight: number) {
  let norm = 0;
  for (const [k, v] of group) {
    const x = Math.log1p(v);
    group.set(k, x);
    norm += x * x;
  }
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (const [k, v] of group) out.set(k, v * scale);
}

export function featuresOf(ticket: TicketText): Features {
  const wordGroup: Features = new Map();
  const bigramGroup: Features = new Map();
  const charGroup: Features = new Map();
  const contextGroup: Features = new Map();
  // The subject is short and to the point: count it twice.
  const all = [...words(ticket.subject), ...words(ticket.subject), "|", ...words(ticket.description)];
  let previous: string | null = null;
  for (const raw of all) {
    if (raw === "|") {
      previous = null;
      continue;
    }
    const isNumber = /^\d+$/.test(raw);
    const w = isNumber ? "#" : raw;
    if (!STOPWORDS.has(w) && w.length > 1) add(wordGroup, `w:${stem(w)}`);
    if (previous !== null) add(bigramGroup, `b:${previous}_${stem(w)}`);
    previous = stem(w);
    if (!isNumber && w.length > 2) for (const gram of charGrams(w)) add(charGroup, gram);
  }
  for (const segment of pathSegments(ticket.pageUrl)) add(contextGroup, `x:page:${segment}`);
  for (const failure of ticket.failedRequests ?? []) {
    add(contextGroup, `x:fail:${failure.status >= 500 ? "5xx" : failure.status === 0 ? "none" : "4xx"}`);
    if (failure.status === 401 || failure.status === 403) add(contextGroup, "x:fail:denied");
    for (const segment of pathSegments(failure.url)) add(contextGroup, `x:failpath:${segment}`);
  }
  if ((ticket.consoleErrors ?? []).length > 0) add(contextGroup, "x:console-error");

  const out: Features = new Map();
  mergeGroup(out, wordGroup, GROUP_WEIGHT.w);
  mergeGroup(out, bigramGroup, GROUP_WEIGHT.b);
  mergeGroup(out, charGroup, GROUP_WEIGHT.c);
  mergeGroup(out, contextGroup, GROUP_WEIGHT.x);
  out.set("bias", 1);
  return out;
}

const gramCache = new Map<string, string[]>();
/** Character 3-5-grams of a word with its boundaries; words repeat a lot, so they are cached (bounded). */
function charGrams(word: string): string[] {
  let grams = gramCache.get(word);
  if (!grams) {
    grams = [];
    const padded = ` ${word} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) grams.push(`c:${padded.slice(i, i + n)}`);
    }
    if (gramCache.size > 50_000) gramCache.clear();
    gramCache.set(word, grams);
  }
  return grams;
}

/** /settings/users/8f3a?tab=2 -> ["settings", "users"]: the words of a path, without ids. */
export function pathSegments(url: string | undefined): string[] {
  if (!url) return [];
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split("?")[0] ?? "";
  }
  return path
    .toLowerCase()
    .split(/[/_.-]+/)
    .filter((s) => s.length > 1 && !/\d/.test(s) && s.length < 30)
    .map(stem);
}
