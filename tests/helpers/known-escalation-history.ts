import type { Db } from "../../server/db/client.js";
import { ensureDemoWorkspace } from "../../server/services/workspace/ensure-demo-workspace.js";
import { addAgent, addTicket, hours, setStatus, timeline } from "./escalation-history.js";

export const WEEK1 = new Date("2025-03-03T09:00:00Z"); // a Monday
export const WEEK2 = new Date("2025-03-10T09:00:00Z");

/**
 * A known history for the escalation metrics: fcr, reassignment, escalation, bounce + ping-pong, reopen, escalation
 * after resolution, an open escalation; plus a ticket before the period and one in another workspace (whose admin is
 * o@example.com / "another long password").
 */
export async function seedKnownHistory(db: Db, ws: string) {
  const ids: Record<string, { id: string; reference: string }> = {};
  const agent: Record<string, string> = {};
  for (const [key, name, tier] of [
    ["A", "Ana", 1],
    ["B", "Ben", 1],
    ["C", "Cara", 2],
    ["D", "Dev", 2],
  ] as const) {
    agent[key] = await addAgent(db, ws, name, tier);
  }
  const { A, B, C, D } = agent as Record<"A" | "B" | "C" | "D", string>;
  const add = async (key: string, createdAt: Date, queue: string, plan?: string) => {
    ids[key] = await addTicket(db, { workspaceId: ws, createdAt, queue, plan });
    return timeline(db, ws, ids[key]!.id, createdAt);
  };
  // T1: resolved by the first agent, never escalated: first-contact resolution.
  let h = await add("T1", WEEK1, "billing", "pro");
  await h.assign(0, A);
  await h.resolve(hours(1), A);
  // T2: reassigned, resolved by the second agent: resolved, not first contact.
  h = await add("T2", new Date(WEEK1.getTime() + hours(1)), "billing", "free");
  await h.assign(0, A);
  await h.assign(hours(1), B);
  await h.resolve(hours(2), B);
  // T3: escalated after 30 min to Cara, resolved 3 h later.
  h = await add("T3", new Date(WEEK1.getTime() + hours(2)), "exports", "pro");
  await h.assign(0, A);
  await h.escalate(hours(0.5), A, C);
  await h.resolve(hours(3.5), C);
  await setStatus(db, ids.T3!.id, "resolved");
  // T4: escalated after 1 h, bounced back, escalated again, ping-pong, resolved at 7 h.
  h = await add("T4", new Date(WEEK1.getTime() + hours(3)), "exports", "pro");
  await h.assign(0, A);
  await h.escalate(hours(1), A, C);
  await h.bounce(hours(1.5), C, A);
  await h.escalate(hours(2), A, D);
  await h.pingPong(hours(2));
  await h.resolve(hours(7), D);
  await setStatus(db, ids.T4!.id, "resolved");
  // T5: resolved, reopened by the customer, resolved again by the same agent: resolved once, reopened, not FCR.
  h = await add("T5", WEEK2, "billing", "free");
  await h.assign(0, B);
  await h.resolve(hours(1), B);
  await h.reopen(hours(5));
  await h.resolve(hours(6), B);
  // T6: resolved, then escalated after the resolution: escalated, reopened, unresolved.
  h = await add("T6", new Date(WEEK2.getTime() + hours(1)), "billing", "pro");
  await h.assign(0, B);
  await h.resolve(hours(1), B);
  await h.escalate(hours(10), B, C);
  // T7: escalated after 2 h, still open; no plan.
  h = await add("T7", new Date(WEEK2.getTime() + hours(2)), "exports");
  await h.assign(0, A);
  await h.escalate(hours(2), A, C);
  // Before the period, and in another workspace: never counted.
  h = await add("T8", new Date("2025-03-02T23:00:00Z"), "exports", "pro");
  await h.escalate(hours(1), A, C);
  const other = await ensureDemoWorkspace(db, {
    siteKey: "pk_other",
    allowedOrigins: [],
    adminEmail: "o@example.com",
    adminPassword: "another long password",
  });
  const foreign = await addTicket(db, { workspaceId: other.workspace.id, createdAt: WEEK1, queue: "exports" });
  await timeline(db, other.workspace.id, foreign.id, WEEK1).escalate(hours(1), A, C);
  return { ids, agent };
}
