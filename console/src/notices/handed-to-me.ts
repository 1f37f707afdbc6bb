import { signal } from "@preact/signals";
import type { AgentLiveEvent } from "../../../shared/events-api.js";
import { agentName, loadAgents } from "../agents-directory.js";
import { api } from "../api.js";
import { announce } from "../keyboard/announcer.js";
import { followLive } from "../live.js";

/** A ticket someone else just put on this agent's desk (assigned, escalated or sent back to them). */
export interface HandedNotice {
  ticketId: string;
  text: string;
  /** Escalations and send-backs say more than the assignment that comes with them: they win for the same ticket. */
  strong: boolean;
}

/** Newest first; a few at most, the rest are in the queue under "Mine". */
export const handedToMe = signal<HandedNotice[]>([]);
const MAX_SHOWN = 4;

/** What the event means for `me`: null when it is not about them, or it was their own doing. */
export function describeHanding(event: AgentLiveEvent, me: string): { verb: string; strong: boolean } | null {
  if (event.actorType === "agent" && event.actorId === me) return null;
  const d = event.details;
  if (event.type === "escalated" && d.toAgentId === me) return { verb: "escalated", strong: true };
  if (event.type === "bounced" && d.toAgentId === me) return { verb: "sent back", strong: true };
  // Routing a new ticket is the queue's everyday work, not someone handing it over: the queue shows those.
  if (event.type === "assigned" && d.agentId === me && event.actorType === "agent")
    return { verb: "assigned", strong: false };
  return null;
}

export function dismissHanded(ticketId: string): void {
  handedToMe.value = handedToMe.value.filter((n) => n.ticketId !== ticketId);
}

/**
 * Follows the live stream for the signed-in agent: each ticket handed to them shows as a notice (with its reference
 * and subject) and is read out, whatever screen they are on. Returns the teardown.
 */
export function followHandedToMe(me: string): () => void {
  handedToMe.value = [];
  void loadAgents(); // names of who handed it over
  // The assignment that comes with an escalation or send-back is written in the same transaction (same `at`): it
  // must not be read out after it as "assigned", even once the stronger notice is gone (its ticket is open).
  const strongAt = new Map<string, string>();
  const outranked = (ticketId: string, at: string) => strongAt.get(ticketId) === at;
  return followLive((message) => {
    if (message.name === "reset") return;
    const handing = describeHanding(message.data, me);
    if (!handing) return;
    const { ticketId, actorType, actorId, at } = message.data;
    if (handing.strong) strongAt.set(ticketId, at);
    else if (outranked(ticketId, at)) return;
    const existing = handedToMe.value.find((n) => n.ticketId === ticketId);
    if (existing && (existing.strong || !handing.strong)) return;
    const who = actorType === "agent" ? (agentName(actorId) ?? "Someone") : "Handoff";
    void api
      .getTicket(ticketId)
      .then((ticket) => {
        const subject = ticket.subject || "(no subject)";
        // The assignment that comes with an escalation may answer after it: the escalation's words stay.
        if (
          !handing.strong &&
          (outranked(ticketId, at) || handedToMe.value.some((n) => n.ticketId === ticketId && n.strong))
        )
          return;
        const text = `${who} ${handing.verb} ${ticket.reference} to you: ${subject}`;
        const others = handedToMe.value.filter((n) => n.ticketId !== ticketId);
        handedToMe.value = [{ ticketId, text, strong: handing.strong }, ...others].slice(0, MAX_SHOWN);
        announce(text);
      })
      .catch(() => {
        // Gone or out of reach: the queue still shows it under "Mine".
      });
  });
}
