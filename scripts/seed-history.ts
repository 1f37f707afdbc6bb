import type { FoldEvent } from "../server/services/metrics/fold-ticket-facts.js";
import type { tickets } from "../server/db/schema.js";

type TicketRow = typeof tickets.$inferInsert & {
  id: string;
  workspaceId: string;
  createdAt: Date;
  queue: string;
  identity: { plan: string; company: string };
};
export interface SeedTicket {
  row: TicketRow & {
    context: {
      network: { t: number; method: string; url: string; status: number; durationMs: number }[];
      console: { t: number; level: "error"; kind: "console"; message: string }[];
    };
  };
  events: FoldEvent[];
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CATEGORIES: [string, number][] = [
  ["billing", 22],
  ["exports", 14],
  ["sso", 8],
  ["integrations", 12],
  ["api", 10],
  ["onboarding", 16],
  ["performance", 8],
  ["data-import", 10],
];
const PLANS: [string, number][] = [
  ["free", 40],
  ["starter", 30],
  ["pro", 22],
  ["enterprise", 8],
];
const ENDPOINTS = [
  "POST /api/export",
  "GET /api/reports/{id}",
  "POST /api/sso/callback",
  "PUT /api/settings/billing",
  "POST /api/imports",
];
const SUBJECTS = [
  "Export fails",
  "Can't log in with SSO",
  "Invoice shows the wrong VAT",
  "Import stuck at 99%",
  "Dashboard is slow",
  "Webhook not firing",
  "How do I invite my team?",
];

/** Deterministic PRNG (mulberry32): the same seed gives the same history. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yields the workspace's tickets one by one, so a million never sit in memory at once. */
export function* generateWorkspace(input: {
  workspaceId: string;
  agents: { id: string; tier: number }[];
  tickets: number;
  seed: number;
  now: number;
}): Generator<SeedTicket> {
  const r = rng(input.seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const weighted = (list: [string, number][]) => {
    let x = r() * list.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return list[0]![0];
  };
  const tier1 = input.agents.filter((a) => a.tier === 1).map((a) => a.id);
  const tier2 = input.agents.filter((a) => a.tier === 2).map((a) => a.id);
  for (let n = 1; n <= input.tickets; n++) {
    const id = crypto.randomUUID();
    // Spread over the last year, a little denser recently.
    const created = new Date(input.now - Math.floor(r() ** 1.2 * 365 * DAY) - HOUR);
    const queue = weighted(CATEGORIES);
    const plan = weighted(PLANS);
    const events: FoldEvent[] = [];
    const at = (offset: number) => new Date(created.getTime() + offset);
    const ev = (
      type: string,
      offset: number,
      actorId: string | null,
      details: Record<string, unknown>,
      actorType = actorId ? "agent" : "system",
    ) => events.push({ type, actorType, actorId, at: at(offset), details });
    ev("created", 0, null, { verified: r() < 0.5, recording: r() < 0.7 }, "customer");
    ev("triaged", 1000, null, { severity: pick(["low", "medium", "high"]), tier: 1, queue, priority: 0, rules: [] });
    let t = Math.floor(r() * 30 * MIN) + MIN;
    let current = pick(tier1);
    ev("assigned", t, null, { agentId: current, reason: "routing" });
    let escalations = 0;
    let tier = 1;
    if (r() < (queue === "api" || queue === "sso" ? 0.4 : 0.2)) {
      t += Math.floor(r() * 24 * HOUR) + 10 * MIN;
      const to = pick(tier2);
      ev("escalated", t, current, {
        escalationId: crypto.randomUUID(),
        fromTier: 1,
        toTier: 2,
        fromQueue: queue,
        toQueue: queue,
        fromAgentId: current,
        toAgentId: to,
      });
      escalations++;
      const sender = current;
      current = to;
      tier = 2;
      if (r() < 0.15) {
        t += Math.floor(r() * 4 * HOUR) + 10 * MIN;
        ev("bounced", t, current, {
          escalationId: crypto.randomUUID(),
          reason: "no reproduction steps",
          toTier: 1,
          toAgentId: sender,
        });
        t += Math.floor(r() * 4 * HOUR) + 10 * MIN;
        ev("escalated", t, sender, {
          escalationId: crypto.randomUUID(),
          fromTier: 1,
          toTier: 2,
          fromQueue: queue,
          toQueue: queue,
          fromAgentId: sender,
          toAgentId: current,
        });
        escalations++;
        if (r() < 0.5)
          ev("ping_pong", t, null, { reason: "escalated twice", agents: [sender, current], escalations: 2 });
      }
    }
    let status: "open" | "resolved" = "open";
    let resolvedAt: Date | null = null;
    const resolveBy = created.getTime() + t + 72 * HOUR < input.now ? 0.95 : 0.6;
    if (r() < resolveBy) {
      t += Math.floor(r() * 72 * HOUR) + 5 * MIN;
      ev("status_changed", t, current, { from: "open", to: "resolved" });
      status = "resolved";
      resolvedAt = at(t);
      if (r() < 0.05) {
        t += DAY;
        ev("status_changed", t, null, { from: "resolved", to: "open" }, "customer");
        t += DAY;
        ev("status_changed", t, current, { from: "open", to: "resolved" });
        resolvedAt = at(t);
      }
    }
    const failing = r() < 0.2 ? pick(ENDPOINTS) : null;
    const [method, path] = failing ? failing.split(" ") : ["", ""];
    yield {
      row: {
        id,
        workspaceId: input.workspaceId,
        number: n,
        reference: `HD-${n}`,
        subject: pick(SUBJECTS),
        description: "Seeded ticket.",
        customerEmail: `user${Math.floor(r() * 2000)}@customer${Math.floor(r() * 300)}.example`,
        identity: { plan, company: `Customer ${Math.floor(r() * 300)}` },
        pageUrl: "https://app.customer.example/",
        context: {
          network: failing
            ? [
                {
                  t: 0,
                  method: method!,
                  url: `https://app.customer.example${path!.replace("{id}", String(Math.floor(r() * 1e6)))}`,
                  status: r() < 0.8 ? 500 : 0,
                  durationMs: 200,
                },
              ]
            : [],
          console: failing
            ? [
                {
                  t: 0,
                  level: "error",
                  kind: "console",
                  message: `Request to ${path} failed (${Math.floor(r() * 1000)})`,
                },
              ]
            : [],
        },
        status,
        queue,
        tier,
        assigneeId: current,
        escalationCount: escalations,
        resolvedAt,
        signals: failing ? ["failed_requests", "console_errors"] : [],
        createdAt: created,
      },
      events,
    };
  }
}
