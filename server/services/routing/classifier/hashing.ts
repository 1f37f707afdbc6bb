/**
 * Feature hashing: a feature name -> one of 2^FEATURE_BITS buckets by 32-bit FNV-1a and a final mix. The state
 * before the mix can be continued with more characters, so a bigram's bucket is hashed from its left word's
 * cached state without building the string.
 */
export const FEATURE_BITS = 18;
export const FEATURE_DIM = 1 << FEATURE_BITS;
const MASK = FEATURE_DIM - 1;
const OFFSET = 0x811c9dc5;

/** Sparse vector: bucket ids and their values (same length). */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
}

export function fnvContinue(state: number, text: string): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const fnv = (text: string) => fnvContinue(OFFSET, text);

/** murmur3's finaliser: FNV's low bits alone are not well spread. */
export function bucketOf(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & MASK;
}
