/**
 * A small multinomial naive Bayes text classifier (Laplace smoothing), trained in-process: a few thousand
 * resolved tickets train in milliseconds, so there is no external service to run.
 */
export interface TrainingExample {
  tokens: string[];
  label: string;
}

export interface Prediction {
  label: string;
  /** Posterior probability of the label among the labels seen in training (0..1). */
  confidence: number;
}

export interface NaiveBayesModel {
  examples: number;
  labels: string[];
  predict(tokens: string[]): Prediction | null;
}

export function trainNaiveBayes(examples: TrainingExample[]): NaiveBayesModel {
  const docCount = new Map<string, number>();
  const tokenCount = new Map<string, Map<string, number>>();
  const totalTokens = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const { tokens, label } of examples) {
    docCount.set(label, (docCount.get(label) ?? 0) + 1);
    const counts = tokenCount.get(label) ?? new Map<string, number>();
    tokenCount.set(label, counts);
    for (const token of tokens) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      vocabulary.add(token);
    }
    totalTokens.set(label, (totalTokens.get(label) ?? 0) + tokens.length);
  }
  const labels = [...docCount.keys()].sort();
  const v = vocabulary.size;

  return {
    examples: examples.length,
    labels,
    predict(tokens) {
      if (labels.length === 0) return null;
      // Words never seen in training say nothing about any queue: leave them out rather than smoothing them in.
      const known = tokens.filter((t) => vocabulary.has(t));
      const scores = labels.map((label) => {
        const counts = tokenCount.get(label)!;
        const denominator = totalTokens.get(label)! + v;
        let score = Math.log(docCount.get(label)! / examples.length);
        for (const token of known) score += Math.log(((counts.get(token) ?? 0) + 1) / denominator);
        return score;
      });
      const max = Math.max(...scores);
      const weights = scores.map((s) => Math.exp(s - max));
      const sum = weights.reduce((a, b) => a + b, 0);
      let best = 0;
      for (let i = 1; i < labels.length; i++) if (weights[i]! > weights[best]!) best = i;
      return { label: labels[best]!, confidence: weights[best]! / sum };
    },
  };
}

const STOPWORDS = new Set(
  "a an and are as at be but by can could do does for from has have i if in is it its me my no not of on or our please so that the this to was we were when with you your".split(
    " ",
  ),
);

/** Words of the ticket text plus the failing endpoints' paths and error kinds, which are strong queue hints. */
export function ticketTokens(input: {
  subject: string;
  description: string;
  failedPaths?: string[];
  errors?: string[];
}): string[] {
  const words = `${input.subject} ${input.subject} ${input.description}`
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
  const paths = (input.failedPaths ?? []).map((p) => `path:${p}`);
  const errors = (input.errors ?? []).map((e) => `error:${e}`);
  return [...words, ...paths, ...errors];
}
