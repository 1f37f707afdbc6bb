import { describe, expect, it } from "vitest";
import {
  featureBucket,
  featuresOf,
  languageOf,
  normalizeText,
  pathSegments,
  stem,
  vectorOf,
} from "../../server/services/routing/classifier/features.js";
import { classify, priorModel } from "../../server/services/routing/classifier/routing-model.js";
import { routeByModel } from "../../server/services/routing/classifier/route-decision.js";
import { fitTemperature, predict, trainSoftmax } from "../../server/services/routing/classifier/softmax.js";
import { refineModel, trainPrior } from "../../server/services/routing/classifier/train-routing-model.js";

const ticket = (subject: string, description: string, queue: string, security = false) => ({
  subject,
  description,
  queue,
  security,
});

describe("routing features", () => {
  it("folds case, accents and inflections so en/de/fr variants meet", () => {
    expect(normalizeText("Rückerstattung für Café")).toBe("ruckerstattung fur cafe");
    expect(stem("invoices")).toBe(stem("invoice"));
    expect(stem("charged")).toBe(stem("charges"));
    const a = featuresOf({ subject: "Invoices", description: "" });
    expect(a.has(`w:${stem("invoice")}`)).toBe(true);
  });

  it("stems each ticket in its own language (Snowball en/de/fr)", () => {
    expect(languageOf("Die Rechnung ist nicht angekommen, wir haben doppelt bezahlt")).toBe("de");
    expect(languageOf("Nous avons reçu deux factures pour le même mois")).toBe("fr");
    expect(languageOf("We were charged twice this month")).toBe("en");
    expect(stem("Rechnungen", "de")).toBe(stem("Rechnung", "de"));
    expect(stem("factures", "fr")).toBe(stem("facture", "fr"));
    expect(stem("prélevé", "fr")).toBe("prelev");
    const de = featuresOf({ subject: "Rechnungen doppelt", description: "Wir haben zwei Rechnungen bekommen." });
    expect(de.has(`w:${stem("Rechnung", "de")}`)).toBe(true);
  });

  it("keeps typos close through character n-grams", () => {
    const right = featuresOf({ subject: "", description: "password" });
    const typo = featuresOf({ subject: "", description: "pasword" });
    const shared = [...right.keys()].filter((k) => k.startsWith("c:") && typo.has(k));
    expect(shared.length).toBeGreaterThan(3);
  });

  it("reads the page and failed requests, without ids", () => {
    expect(pathSegments("https://app.example/settings/users/8f3a2?tab=1")).toEqual([stem("settings"), stem("users")]);
    const f = featuresOf({
      subject: "x",
      description: "y",
      failedRequests: [{ method: "GET", url: "https://app.example/api/v2/reports/77", status: 503 }],
    });
    expect(f.has("x:fail:5xx")).toBe(true);
    expect(f.has("x:failpath:report")).toBe(true);
  });

  it("hashes exactly the named features: the models read what the names say", () => {
    const t = {
      subject: "Doppelt abgebucht?? 2x charged",
      description: "Hi, on /billing the invoice #4411 shows the seats twice. Merci!",
      pageUrl: "https://app.example/settings/billing",
      failedRequests: [{ method: "POST", url: "/api/invoices/9", status: 403 }],
      consoleErrors: ["TypeError"],
    };
    const expected = new Map<number, number>();
    for (const [name, v] of featuresOf(t)) {
      expected.set(featureBucket(name), (expected.get(featureBucket(name)) ?? 0) + v);
    }
    const { ids, values } = vectorOf(t);
    const actual = new Map([...ids].map((id, i) => [id, values[i]!]));
    expect(actual.size).toBe(expected.size);
    for (const [id, v] of expected) expect(actual.get(id)).toBeCloseTo(v, 12);
  });
});

describe("calibration", () => {
  it("a temperature above 1 softens an overconfident model on tickets it gets wrong", async () => {
    const train = [
      ...Array.from({ length: 20 }, () => ({
        features: vectorOf({ subject: "refund charge", description: "" }),
        label: "billing",
      })),
      ...Array.from({ length: 20 }, () => ({
        features: vectorOf({ subject: "password reset", description: "" }),
        label: "account",
      })),
    ];
    const model = await trainSoftmax(train, { epochs: 30 });
    // Held out: half of the "refund" tickets were really account tickets.
    const heldOut = [
      { features: vectorOf({ subject: "refund", description: "" }), label: "billing" },
      { features: vectorOf({ subject: "refund", description: "" }), label: "account" },
    ];
    const t = fitTemperature(model, heldOut);
    expect(t).toBeGreaterThan(1);
    model.temperature = t;
    const [best] = predict(model, heldOut[0]!.features);
    expect(best!.probability).toBeLessThan(0.8);
  });
});

describe("security detector", () => {
  const corpus = [
    ...["we were charged twice", "refund our card please", "invoice total wrong", "price for more users"].map((d) =>
      ticket("billing", d, "billing"),
    ),
    ...["forgot my password", "reset link expired", "invite a new colleague", "lost my phone for codes"].map((d) =>
      ticket("access", d, "account"),
    ),
    ...[
      "someone changed my password, not me",
      "a login from abroad nobody made",
      "unknown admin added nobody created",
      "our key leaked on a public site",
    ].map((d) => ticket("odd", d, "security", true)),
  ];

  it("flags an incident told in new words, sends it to security whatever the queue model says, and names its signals", async () => {
    const heldOut = [ticket("help", "someone nobody knows changed our settings", "security", true)];
    const model = await trainPrior([...corpus, ...corpus, ...corpus], { heldOut, securityBeta: 2 });
    const c = classify(model, { subject: "weird", description: "a person nobody knows changed the password" });
    expect(c.security.flagged).toBe(true);
    expect(c.security.signals.length).toBeGreaterThan(0);
    expect(routeByModel(c, 0.7)).toMatchObject({ suggested: "security", routed: true, security: true });
    const ordinary = classify(model, { subject: "bill", description: "we were charged twice on the invoice" });
    expect(ordinary.security.flagged).toBe(false);
  });

  it("picks the threshold from held-out incidents: the more hidden they are, the lower it goes", async () => {
    const plain = await trainPrior(corpus, { heldOut: corpus, securityBeta: 2 });
    const hidden = await trainPrior(corpus, {
      heldOut: [...corpus, ticket("bill", "charged twice, also a login nobody made", "security", true)],
      securityBeta: 2,
    });
    expect(hidden.securityThreshold).toBeLessThanOrEqual(plain.securityThreshold);
  });

  it("learns from a false alarm: the same ticket marked as not an incident scores lower after refining", async () => {
    const prior = priorModel();
    const alarm = {
      subject: "settings changed",
      description: "all our colours and the logo changed overnight",
      queue: "technical",
    };
    const before = classify(prior, alarm).security.probability;
    const refined = await refineModel(
      prior,
      Array.from({ length: 5 }, () => ({ ...alarm, security: false, falseAlarm: true })),
    );
    expect(classify(refined, alarm).security.probability).toBeLessThan(before);
  });

  it("never raises a ticket's incident score above the prior's: a workspace's learning cannot cost recall", async () => {
    const prior = priorModel();
    const incident = ticket(
      "payout",
      "someone we do not know changed our payout bank account at 3am",
      "security",
      true,
    );
    const alarm = {
      ...ticket("logo", "all our colours and the logo changed overnight", "technical"),
      falseAlarm: true,
    };
    const refined = await refineModel(prior, [...Array.from({ length: 20 }, () => incident), alarm]);
    for (const t of [
      incident,
      alarm,
      ticket("export", "an export of all our employees by a name nobody has", "security", true),
      ticket("invoice", "the invoice for March is missing the VAT number", "billing"),
    ]) {
      // Equal when the clamp binds, up to rounding: the prior alone is a softmax, the refined score a sigmoid.
      expect(classify(refined, t).security.probability).toBeLessThanOrEqual(
        classify(prior, t).security.probability + 1e-12,
      );
    }
  });
});

describe("the shipped prior", () => {
  it("routes plain-language tickets from day one and leaves a content-free one to a human", () => {
    const model = priorModel();
    const route = (subject: string, description: string) =>
      routeByModel(classify(model, { subject, description }), 0.7);
    expect(route("Too much on the card", "You took 300 instead of 200 this month for our plan.").suggested).toBe(
      "billing",
    );
    expect(route("hi", "?")).toMatchObject({ routed: false });
  });
});

describe("a workspace's learning", () => {
  // A workspace whose invoice screens break: agents keep moving those tickets from billing (the prior's guess) to
  // technical. Its other resolved tickets are ordinary ones the prior already routes right.
  const history = [
    ticket("Invoice download 404", "Clicking download on an invoice gives a 404 page.", "technical"),
    ticket("invoice download broken", "When I click download on the invoice I get a 404 error page.", "technical"),
    ticket("can't download invoice", "the download button on invoices leads to 404 not found", "technical"),
    ticket("404 on invoice download", "every invoice download ends on a 404 page since yesterday", "technical"),
    ticket("Invoice download error", "hi, downloading our latest invoice shows page not found (404).", "technical"),
    ticket("Charged twice", "Our card was charged twice for the March subscription.", "billing"),
    ticket("VAT number missing", "Please add our VAT number to next month's invoice.", "billing"),
    ticket("Switch to yearly", "We would like to move from monthly to yearly billing.", "billing"),
    ticket("Add a colleague", "Please give my colleague Anna an admin login.", "account"),
    ticket("Change my email", "I need to change the email address I log in with.", "account"),
    ticket("Dark mode?", "Is there a dark mode, or is it planned?", "general"),
    ticket("Export to Excel", "Can reports be exported to Excel?", "general"),
  ];
  const next = { subject: "invoice download", description: "clicking download on the invoice gives a 404 page" };
  const route = (model: Parameters<typeof classify>[0], t: { subject: string; description: string }) =>
    routeByModel(classify(model, t), 0.7);

  it("routes the next ticket like those agents kept correcting, and leaves the workspace's other tickets alone", async () => {
    const prior = priorModel();
    expect(route(prior, next).suggested).toBe("billing");
    const learned = await refineModel(prior, history);
    expect(route(learned, next)).toMatchObject({ suggested: "technical", routed: true });
    // A money question that mentions an invoice is still billing, and the workspace's other queues are unchanged.
    expect(route(learned, { subject: "double charge", description: "you charged the invoice twice" }).suggested).toBe(
      "billing",
    );
    for (const t of [
      { subject: "Refund please", description: "We cancelled last week, please refund the unused month." },
      { subject: "Remove a user", description: "Please remove Tom's login, he left the company." },
    ]) {
      expect(route(learned, t).suggested).toBe(route(prior, t).suggested);
    }
  });

  it("keeps the prior's queue for a different question in the corrections' words (the corrections teach only near them)", async () => {
    const learned = await refineModel(priorModel(), history);
    const question = {
      subject: "download invoices",
      description: "where can I download all invoices of last year for our accountant?",
    };
    expect(route(priorModel(), question).suggested).toBe("billing");
    expect(route(learned, question).suggested).toBe("billing");
  });
});
