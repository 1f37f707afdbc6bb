import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { tickets } from "../../db/schema.js";
import { triageNewTicket } from "../routing/triage-new-ticket.js";
import { triageOnArrival } from "../routing/triage-on-arrival.js";
import { routeNewTicket } from "../routing/route-new-ticket.js";
import { insertTicket } from "./insert-ticket.js";
import { flushNotificationOutboxSoon } from "../notifications/flush-notification-outbox.js";
import type { TicketCreate, TicketCreated } from "../../../shared/widget-api.js";
import type { CaptureContext } from "../../../shared/context.js";
import { sha256 } from "../../lib/crypto.js";
import { checkIdentity } from "../../access/identity.js";
import { uploadTokenFor } from "../../access/upload-token.js";
import { isUniqueViolation, ServiceError } from "../service-error.js";
import type { Workspace } from "../../access/find-widget-workspace.js";

export interface CreateTicketInput {
  workspace: Workspace;
  body: TicketCreate;
  /** Raw body text: its hash detects an idempotency key reused for a different ticket. */
  rawBody: string;
  idempotencyKey?: string;
  /** The widget's per-browser token (stored hashed). */
  customerToken?: string;
}

export interface CreateTicketResult extends TicketCreated {
  /** False when an earlier request with the same idempotency key already created it. */
  created: boolean;
}

/** Stores a ticket exactly once per idempotency key, however often the widget retries. */
export async function createTicket(db: Db, input: CreateTicketInput): Promise<CreateTicketResult> {
  const { workspace, body, idempotencyKey } = input;
  const requestHash = sha256(input.rawBody);
  if (idempotencyKey) {
    const existing = await findByIdempotencyKey(db, workspace, idempotencyKey, requestHash);
    if (existing) return existing;
  }
  const checked = checkIdentity(workspace, body.identity);
  const verified = checked.userId !== null;
  const identity = checked.values;
  const ticket = {
    subject: body.subject,
    description: body.description,
    customerEmail: body.email.toLowerCase(),
    customerName: body.name ?? identity.name ?? null,
    customerId: checked.userId,
    browserTokenHash: input.customerToken ? sha256(input.customerToken) : null,
    identity: body.identity ? { ...identity, verifiedFields: checked.verifiedFields } : null,
    verified,
    pageUrl: body.pageUrl,
    pageTitle: body.pageTitle ?? null,
    openedAt: body.openedAt ?? null,
    submittedAt: body.submittedAt ?? null,
    context: body.context,
    signals: signalsOf(body.context),
    recordingIncluded: body.recording.included,
  };
  // Triaged before it is stored, so every process and every direct reader sees a routed ticket, in one statement.
  // A failure never loses the customer's ticket: it is stored untriaged and triaged below, or by the sweeper.
  const triage = await triageOnArrival(db, { workspace, ticket: { ...ticket, customerRepliesSinceAgent: 0 } }).catch(
    (error) => {
      console.error("[triage] a new ticket could not be triaged before it was stored:", error);
      return null;
    },
  );
  try {
    const row = await insertTicket(db, {
      ...ticket,
      workspaceId: workspace.id,
      idempotencyKey: idempotencyKey ?? null,
      requestHash,
      triage,
    });
    flushNotificationOutboxSoon(db);
    if (!triage) {
      await triageNewTicket(db, { workspaceId: workspace.id, ticketId: row.id }).catch((error) =>
        console.error(`[triage] ticket ${row.id} was stored but not triaged:`, error),
      );
    } else if (row.routable) {
      // Only when someone could take it: the routing lock is the one place concurrent tickets of a workspace queue.
      const { tier, queue } = triage.fields;
      await routeNewTicket(db, { workspaceId: workspace.id, ticketId: row.id, tier, queue }).catch((error) =>
        console.error(`[routing] ticket ${row.id} was triaged but not assigned:`, error),
      );
    }
    const identityWarning = checked.problem && `identify(): ${checked.problem}; this ticket's customer is unverified`;
    return { ...row, uploadToken: uploadTokenFor(workspace, row.id), created: true, identityWarning };
  } catch (error) {
    // Two retries raced: the other one stored it; answer as it did.
    if (idempotencyKey && isUniqueViolation(error)) {
      const existing = await findByIdempotencyKey(db, workspace, idempotencyKey, requestHash);
      if (existing) return existing;
    }
    throw error;
  }
}

async function findByIdempotencyKey(db: Db, workspace: Workspace, key: string, requestHash: string) {
  const [row] = await db
    .select({ id: tickets.id, reference: tickets.reference, requestHash: tickets.requestHash })
    .from(tickets)
    .where(and(eq(tickets.workspaceId, workspace.id), eq(tickets.idempotencyKey, key)))
    .limit(1);
  if (!row) return undefined;
  if (row.requestHash !== requestHash) {
    throw new ServiceError("conflict", "This Idempotency-Key was already used for a different ticket");
  }
  return { id: row.id, reference: row.reference, uploadToken: uploadTokenFor(workspace, row.id), created: false };
}

export function signalsOf(context: CaptureContext): string[] {
  const signals: string[] = [];
  if (context.clicks.some((c) => c.rage)) signals.push("rage_clicks");
  if (context.clicks.some((c) => c.dead)) signals.push("dead_clicks");
  if (context.network.length > 0) signals.push("failed_requests");
  if (context.console.some((e) => e.level === "error")) signals.push("console_errors");
  return signals;
}
