import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";
import { createTestApp, ORIGIN, ticketBody, type TestApp } from "../helpers/test-app.js";
import type { Database } from "../../server/db/client.js";
import { agents, tickets } from "../../server/db/schema.js";
import type { TicketCreateInput } from "../../shared/widget-api.js";
import {
  classifyTicket,
  isRetraining,
  refreshRoutingModel,
} from "../../server/services/routing/classifier/queue-classifier.js";

const quiet = { clicks: [], navigation: [], console: [], network: [], metadata: {} };

// Tickets written for this test: in neither the training corpus nor the evaluation set.
const unseen = {
  incident: {
    subject: "strange message from my account",
    description:
      "Our finance colleague got a message from my user this morning asking her to approve a transfer to a new supplier. I never wrote it, I was in a meeting the whole time.",
  },
  billing: {
    subject: "Price on the renewal quote",
    description:
      "The renewal quote lists 40 per user, but the order form we signed last year says 35. Which one will we pay?",
  },
  account: {
    subject: "Back from holiday and can't get in",
    description: "Came back from two weeks off and the app says my user is deactivated. Could someone re-enable me?",
  },
  technical: {
    subject: "Numbers wrong after yesterday",
    description: "The weekly totals on the overview page no longer match the rows below them, the sum is off by a lot.",
  },
};

describe.each(DATABASE_KINDS)("routing with the shipped model on %s", (kind) => {
  let database: Database;
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    t = await createTestApp(database);
    cookie = await t.login();
    await database.db.update(agents).set({ available: false }).where(eq(agents.workspaceId, t.workspace.id));
  });
  afterAll(() => database?.close());

  async function file(overrides: Partial<TicketCreateInput>) {
    const res = await t.createTicket(ticketBody({ context: quiet, ...overrides }));
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const detail = await t.request(`/api/v1/tickets/${id}`, { headers: { Cookie: cookie } });
    return detail.json();
  }

  it("sends an unseen security incident from a fresh workspace to tier 3 as critical, saying why", async () => {
    const ticket = await file(unseen.incident);
    expect(ticket).toMatchObject({ queue: "security", severity: "critical", tier: 3, priority: 3 });
    const rule = ticket.triage.rules.find((r: { id: string }) => r.id === "security-detector");
    expect(rule.why[0]).toMatch(/^Looks like unauthorised access/);
    expect(ticket.triage.security).toMatchObject({ flagged: true });
    expect(ticket.escalation.requiredHandoffFields).toContain("replayMoments");
  });

  it("lets an agent mark a false alarm, which moves the ticket and teaches the workspace's detector", async () => {
    const alarm = { subject: "the logo changed", description: "Somebody changed our logo and colours overnight, who?" };
    const first = await file(alarm);
    const before = first.triage.security.probability;
    const denied = await t.request(`/api/v1/tickets/${first.id}/security-false-alarm`, { method: "POST" });
    expect(denied.status).toBe(401);
    const res = await t.request(`/api/v1/tickets/${first.id}/security-false-alarm`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: ORIGIN },
    });
    if (!first.triage.security.flagged) {
      expect(res.status).toBe(409);
      return;
    }
    expect(res.status).toBe(200);
    const marked = await res.json();
    expect(marked.queue).not.toBe("security");
    expect(marked.triage.security).toMatchObject({ flagged: true, falseAlarm: true });
    await refreshRoutingModel(database.db, t.workspace.id);
    const again = await file(alarm);
    expect(again.triage.security.probability).toBeLessThan(before);
    // What the workspace learned from its false alarm only lowers tickets like it: an incident still goes to tier 3.
    expect(await file(unseen.incident)).toMatchObject({ queue: "security", tier: 3, severity: "critical" });
  });

  it("routes plain-language tickets no keyword rule matches on day one", async () => {
    for (const queue of ["billing", "account", "technical"] as const) {
      const ticket = await file(unseen[queue]);
      expect({ queue: ticket.queue, used: ticket.triage.classifier?.used }).toEqual({ queue, used: true });
      expect(ticket.tier).toBe(1);
    }
  });

  it("learns a workspace's own queue from resolved tickets and routes the next one there", async () => {
    const before = await file({
      subject: "Forklift checklist",
      description: "The forklift inspection form lost its answers.",
    });
    expect(before.queue).not.toBe("warehouse");
    const texts = [
      "The forklift inspection form lost its answers",
      "Pallet scanner in aisle 4 shows the wrong bin",
      "Forklift checklist not saving for the night shift",
      "Pallet labels print with the wrong bin location",
      "Bin transfer from aisle 2 to aisle 7 not recorded",
      "Forklift driver cannot finish the inspection form",
    ];
    for (const [i, text] of texts.entries()) {
      const ticket = await file({ subject: `Warehouse ${i}`, description: text });
      await database.db
        .update(tickets)
        .set({ queue: "warehouse", status: "resolved", resolvedAt: new Date() })
        .where(eq(tickets.id, ticket.id));
    }
    // The false alarm marked above counts too.
    expect((await refreshRoutingModel(database.db, t.workspace.id)).examples).toBeGreaterThanOrEqual(texts.length);
    const after = await file({
      subject: "Forklift inspection",
      description: "The forklift checklist lost its answers again.",
    });
    expect(after.queue).toBe("warehouse");
  });

  it("after agents move the same kind of ticket to another queue a few times, the next one goes there", async () => {
    // This workspace's finance team handles its monthly statements: a broken statement download is theirs.
    const next = { subject: "statement download", description: "clicking download on the statement gives a 404 page" };
    expect((await file(next)).queue).toBe("technical");
    const moved = [
      ["Statement download 404", "Clicking download on a monthly statement gives a 404 page."],
      ["statement download broken", "When I click download on the statement I get a 404 error page."],
      ["can't download statement", "the download button on statements leads to 404 not found"],
      ["404 on statement download", "every statement download ends on a 404 page since yesterday"],
      ["Statement download error", "hi, downloading our latest statement shows page not found (404)."],
    ];
    for (const [subject, description] of moved) {
      const ticket = await file({ subject, description });
      await database.db
        .update(tickets)
        .set({ queue: "billing", status: "resolved", resolvedAt: new Date() })
        .where(eq(tickets.id, ticket.id));
    }
    await refreshRoutingModel(database.db, t.workspace.id);
    expect(await file(next)).toMatchObject({ queue: "billing", triage: { classifier: { used: true } } });
    // Other broken pages stay technical.
    const other = await file({
      subject: "report export 404",
      description: "exporting the sales report gives a 404 page",
    });
    expect(other.queue).toBe("technical");
  });

  it("keeps creating tickets while the workspace's model retrains", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      workspaceId: t.workspace.id,
      reference: `BULK-${i}`,
      number: 100_000 + i,
      subject: `Pallet bin ${i}`,
      description: `Bin transfer ${i} not recorded for the forklift shift`,
      customerEmail: "bulk@example.com",
      pageUrl: "https://app.customer.example/warehouse",
      context: quiet,
      status: "resolved" as const,
      queue: "warehouse",
      resolvedAt: new Date(),
    }));
    for (let i = 0; i < rows.length; i += 100) await database.db.insert(tickets).values(rows.slice(i, i + 100));
    // The retraining's read of the 1,500 tickets (its second select, after the count that notices them) is held
    // until the ticket below is filed: on a fast database it could otherwise finish first.
    let release = () => {};
    const gate = new Promise<void>((done) => (release = done));
    const held = <T extends object>(query: T): T =>
      new Proxy(query, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (typeof value !== "function") return value;
          if (prop === "then")
            return (ok: never, fail: never) =>
              gate.then(() => (value as (...a: unknown[]) => unknown).call(target, ok, fail));
          return (...args: unknown[]) => {
            const out = (value as (...a: unknown[]) => unknown).apply(target, args);
            return out && typeof out === "object" ? held(out) : out;
          };
        },
      });
    let selects = 0;
    const slowDb = new Proxy(database.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== "select") return value;
        return (...args: unknown[]) => {
          const query = (value as (...a: unknown[]) => object).apply(target, args);
          return ++selects === 1 ? query : held(query);
        };
      },
    });
    let trained = false;
    const training = refreshRoutingModel(slowDb, t.workspace.id).then(() => {
      trained = true;
    });
    // Filed while the model learns from 1,500 tickets: created and triaged with the model at hand.
    const during = await file(unseen.billing);
    expect({ queue: during.queue, trainingFinished: trained }).toEqual({ queue: "billing", trainingFinished: false });
    release();
    await training;
    expect(selects).toBeGreaterThan(1);
    expect(isRetraining(t.workspace.id)).toBe(false);
  });

  it("counts a workspace's resolutions once for a burst of tickets that find its model's state stale together", async () => {
    // A workspace this process has never classified for: every caller finds no state. Each once ran its own count
    // over the workspace's tickets (a burst of 8 on 11k tickets cost the database ~3 s, bench/ingest.ts).
    const workspaceId = crypto.randomUUID();
    let selects = 0;
    const counted = new Proxy(database.db, {
      get(target, prop, receiver) {
        if (prop === "select") selects++;
        return Reflect.get(target, prop, receiver);
      },
    });
    const ticket = { ...unseen.billing, pageUrl: "https://app.customer.example/billing", context: quiet };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => classifyTicket(counted, { workspaceId, ticket })),
    );
    expect(selects).toBe(1);
    expect(new Set(results.map((r) => r.classification.ranked[0]?.label)).size).toBe(1);
  });
});
