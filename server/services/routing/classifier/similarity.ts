import type { SparseVector } from "./hashing.js";

/** The vector scaled to length 1 (duplicate bucket ids summed), for cosine similarity by a plain dot product. */
export function unitVector(v: SparseVector): SparseVector {
  const byId = new Map<number, number>();
  v.ids.forEach((id, i) => {
    byId.set(id, (byId.get(id) ?? 0) + v.values[i]!);
  });
  let norm = 0;
  for (const x of byId.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return { ids: Int32Array.from(byId.keys()), values: Float64Array.from(byId.values(), (x) => x / norm) };
}

/** Unit vectors by bucket (an inverted index): a query visits only the buckets it has, not every vector. */
export interface SimilarityIndex {
  size: number;
  postings: Map<number, { at: number[]; value: number[] }>;
}

export function similarityIndex(vectors: SparseVector[]): SimilarityIndex {
  const postings: SimilarityIndex["postings"] = new Map();
  vectors.forEach((v, at) => {
    const u = unitVector(v);
    u.ids.forEach((id, i) => {
      const list = postings.get(id) ?? { at: [], value: [] };
      postings.set(id, list);
      list.at.push(at);
      list.value.push(u.values[i]!);
    });
  });
  return { size: vectors.length, postings };
}

/** The highest cosine similarity between `query` and any vector of the index, 0 when it is empty. */
export function maxCosine(query: SparseVector, index: SimilarityIndex): number {
  if (index.size === 0) return 0;
  const q = unitVector(query);
  const dots = new Float64Array(index.size);
  q.ids.forEach((id, i) => {
    const list = index.postings.get(id);
    if (!list) return;
    const x = q.values[i]!;
    for (let k = 0; k < list.at.length; k++) dots[list.at[k]!]! += x * list.value[k]!;
  });
  let best = 0;
  for (const d of dots) if (d > best) best = d;
  return best;
}
