import { describe, expect, test } from "vitest";
import { describeHanding } from "../../console/src/notices/handed-to-me.js";
import type { AgentLiveEvent } from "../../shared/events-api.js";

const ME = "00000000-0000-4000-8000-000000000001";
const TARA = "00000000-0000-4000-8000-000000000002";
const event = (type: string, details: Record<string, unknown>, actorId: string | null = TARA): AgentLiveEvent => ({
  ticketId: "00000000-0000-4000-8000-0000000000aa",
  type,
  actorType: actorId ? "agent" : "system",
  actorId,
  at: new Date().toISOString(),
  details,
});

// Which live events tell an agent "this is yours now": a person escalating, sending back or assigning it to them.
describe("tickets handed to me", () => {
  test("escalations, send-backs and a person's assignment to me are; my own actions and routine routing are not", () => {
    expect(describeHanding(event("escalated", { toAgentId: ME }), ME)).toEqual({ verb: "escalated", strong: true });
    expect(describeHanding(event("bounced", { toAgentId: ME }), ME)).toEqual({ verb: "sent back", strong: true });
    expect(describeHanding(event("assigned", { agentId: ME }), ME)).toEqual({ verb: "assigned", strong: false });
    expect(describeHanding(event("assigned", { agentId: ME }, ME), ME)).toBeNull();
    expect(describeHanding(event("assigned", { agentId: ME }, null), ME)).toBeNull();
    expect(describeHanding(event("escalated", { toAgentId: TARA }), ME)).toBeNull();
  });
});
