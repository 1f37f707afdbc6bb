import { readCorpus } from "../scripts/routing/train-prior.js";
import { featuresOf } from "../server/services/routing/classifier/features.js";
import { trainSoftmax, predict, mulberry32 } from "../server/services/routing/classifier/softmax.js";
const corpus = readCorpus();
const res: Record<string, number[]> = {};
for (const seed of [7, 8]) {
  const random = mulberry32(seed);
  const held = new Set([...new Set(corpus.map((t) => t.group))].filter(() => random() < 0.2));
  const rows = corpus.map(t => ({ t, f: featuresOf(t) }));
  const tr = rows.filter(r => !held.has(r.t.group)), te = rows.filter(r => held.has(r.t.group));
  const q = await trainSoftmax(tr.map(r => ({ features: r.f, label: r.t.queue })), {});
  const s = await trainSoftmax(tr.map(r => ({ features: r.f, label: r.t.security ? "yes" : "no", weight: r.t.security ? 2 : 1 })), {});
  const s1 = await trainSoftmax(tr.map(r => ({ features: r.f, label: r.t.security ? "yes" : "no" })), {});
  const score = (name: string, fn: (f: any) => number) => {
    const sc = te.map(r => ({ y: r.t.security, p: fn(r.f) })).sort((a, b) => b.p - a.p);
    const pos = sc.filter(x => x.y).length;
    for (const rec of [0.9, 0.95]) { let c = 0, i = 0; for (; i < sc.length; i++) { if (sc[i].y) c++; if (c >= rec * pos) break; } (res[name + rec] ??= []).push(c / (i + 1)); }
  };
  const ps = (m: any, f: any, l: string) => predict(m, f).find((x: any) => x.label === l)!.probability;
  score("det", f => ps(s, f, "yes")); score("det-unweighted", f => ps(s1, f, "yes")); score("queue", f => ps(q, f, "security")); score("avg", f => (ps(s, f, "yes") + ps(q, f, "security")) / 2);
  score("min", f => Math.min(ps(s, f, "yes"), ps(q, f, "security"))); score("geo", f => Math.sqrt(ps(s, f, "yes") * ps(q, f, "security")));
}
for (const [k, v] of Object.entries(res)) console.log(k, v.map(x => x.toFixed(3)).join(" "));
