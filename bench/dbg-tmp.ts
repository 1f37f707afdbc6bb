import { readCorpus } from "../scripts/routing/train-prior.js";
import { trainPrior } from "../server/services/routing/classifier/train-routing-model.js";
import { classify } from "../server/services/routing/classifier/routing-model.js";
import { mulberry32 } from "../server/services/routing/classifier/softmax.js";
const corpus = readCorpus();
const random = mulberry32(7);
const held = new Set([...new Set(corpus.map((t) => t.group))].filter(() => random() < 0.2));
const train = corpus.filter((t) => !held.has(t.group)); const test = corpus.filter((t) => held.has(t.group));
const m = await trainPrior(train);
let r = 0; const conf: Record<string, number> = {};
const sec: number[] = []; const non: number[] = [];
for (const t of test) { const c = classify(m, t); if (c.ranked[0].label === t.queue) r++; else conf[`${t.queue}->${c.ranked[0].label}`] = (conf[`${t.queue}->${c.ranked[0].label}`] ?? 0) + 1;
  (t.security ? sec : non).push(c.security.probability); }
console.log("queue acc", r / test.length, conf);
sec.sort((a,b)=>a-b); non.sort((a,b)=>b-a);
console.log("sec quantiles", [0,0.02,0.05,0.1,0.5].map(q => sec[Math.floor(q*sec.length)].toFixed(3)));
console.log("non top", [0,0.02,0.05,0.1].map(q => non[Math.floor(q*non.length)].toFixed(3)));
