/**
 * Words of a ticket in en/de/fr, normalised and stemmed (Snowball, in the ticket's language), with everything the features need from a word
 * computed once and cached (stem, n-grams, their hashed buckets): tickets repeat the same few thousand words.
 */
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
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

/** Lower-case words with their accents (what the stemmers read). */
function rawWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Words that tell the three languages apart (no word shared between two of them). */
const LANGUAGE_MARKERS: Record<Lang, Set<string>> = {
  en: new Set("the and is to of was we our it not you have for my with this that are but they".split(" ")),
  de: new Set("der die das und ist nicht ich wir mit auf fur sie ein eine unser unsere bei seit wurde hat".split(" ")),
  fr: new Set("le la les et est pas je nous vous une du pour avec dans depuis notre nos sur mais ai".split(" ")),
};

export type Lang = "en" | "de" | "fr";
const STEMMERS: Record<Lang, (word: string) => string> = { en: english, de: german, fr: french };

/** The ticket's language from its most common marker words; English when nothing tells. */
export function languageOf(text: string): Lang {
  const counts = { en: 0, de: 0, fr: 0 };
  for (const w of words(text)) {
    for (const lang of ["en", "de", "fr"] as const) if (LANGUAGE_MARKERS[lang].has(w)) counts[lang]++;
  }
  if (counts.de > counts.en && counts.de >= counts.fr) return "de";
  if (counts.fr > counts.en && counts.fr > counts.de) return "fr";
  return "en";
}

/**
 * The Snowball stem of a lower-case word in the ticket's language (Snowball reads the accents, so it runs
 * before they are folded), accent-folded. Numbers stay as they are; character n-grams cover typos.
 */
export function stem(word: string, lang: Lang = "en"): string {
  const lower = word.toLowerCase();
  if (/\d/.test(lower)) return normalizeText(lower);
  return normalizeText(STEMMERS[lang](lower));
}

export interface Token {
  /** The word, lower case and accent-folded ("#" for a number). */
  word: string;
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

function tokenOf(raw: string, lang: Lang): Token {
  const key = `${lang}:${raw}`;
  let token = cache.get(key);
  if (token) return token;
  const isNumber = /^\d+$/.test(raw);
  const w = isNumber ? "#" : normalizeText(raw);
  const s = isNumber ? w : stem(raw, lang);
  const gramNames: string[] = [];
  if (!isNumber && w.length > 2) {
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) {
      for (let i = 0; i + n <= padded.length; i++) gramNames.push(`c:${padded.slice(i, i + n)}`);
    }
  }
  token = {
    word: w,
    stem: s,
    isWord: !STOPWORDS.has(w) && w.length > 1,
    wordBucket: bucketOf(fnv(`w:${s}`)),
    bigramState: fnvContinue(BIGRAM_PREFIX, `${s}_`),
    gramNames,
    gramBuckets: gramNames.map((g) => bucketOf(fnv(g))),
  };
  // Bounded: a long-running server sees new words (names, ids) forever.
  if (cache.size > 50_000) cache.clear();
  cache.set(key, token);
  return token;
}

export function tokensOf(text: string, lang: Lang = "en"): Token[] {
  return rawWords(text).map((w) => tokenOf(w, lang));
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
    .map((s) => stem(s));
}
