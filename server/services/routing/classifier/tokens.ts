/**
 * Words of a ticket in en/de/fr, normalised and lightly stemmed, with everything the features need from a word
 * computed once and cached (stem, n-grams, their hashed buckets): tickets repeat the same few thousand words.
 */
import { bucketOf, fnv, fnvContinue } from "./hashing.js";

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

export interface Token {
  stem: string;
  /** Counts as a word feature (not a stopword, not one letter). */
  isWord: boolean;
  wordBucket: number;
  /** FNV state after "b:<stem>_": a bigram with this token on the left continues from here. */
  bigramState: number;
  /** Character 3-5-grams with the word's boundaries (none for numbers and short words). */
  gramNames: string[];
  gramBuckets: number[];
}

const cache = new Map<string, Token>();
const BIGRAM_PREFIX = fnv("b:");

function tokenOf(raw: string): Token {
  let token = cache.get(raw);
  if (token) return token;
  const isNumber = /^\d+$/.test(raw);
  const w = isNumber ? "#" : raw;
  const s = stem(w);
  const gramNames: string[] = [];
  if (!isNumber && w.length > 2) {
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) gramNames.push(`c:${padded.slice(i, i + n)}`);
    }
  }
  token = {
    stem: s,
    isWord: !STOPWORDS.has(w) && w.length > 1,
    wordBucket: bucketOf(fnv(`w:${s}`)),
    bigramState: fnvContinue(BIGRAM_PREFIX, `${s}_`),
    gramNames,
    gramBuckets: gramNames.map((g) => bucketOf(fnv(g))),
  };
  // Bounded: a long-running server sees new words (names, ids) forever.
  if (cache.size > 50_000) cache.clear();
  cache.set(raw, token);
  return token;
}

export function tokensOf(text: string): Token[] {
  return words(text).map(tokenOf);
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
