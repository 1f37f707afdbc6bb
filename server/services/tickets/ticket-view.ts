import type { TicketDetail, TicketSummary } from "../../../shared/agent-api.js";
import { tickets } from "../../db/schema.js";
import { handoffFieldNames, triageSchema } from "../../../shared/matrix.js";

type TicketRow = typeof tickets.$inferSelect;

/** Columns the list needs; the heavy context stays out of list queries. */
export const summaryColumns = {
  id: tickets.id,
  reference: tickets.reference,
  subject: tickets.subject,
  customerEmail: tickets.customerEmail,
  customerName: tickets.customerName,
  identity: tickets.identity,
  verified: tickets.verified,
  status: tickets.status,
  severity: tickets.severity,
  tier: tickets.tier,
  queue: tickets.queue,
  priority: tickets.priority,
  assigneeId: tickets.assigneeId,
  recordingStatus: tickets.recordingStatus,
  signals: tickets.signals,
  escalationSuggestedReason: tickets.escalationSuggestedReason,
  pingPong: tickets.pingPong,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
};
export type SummaryRow = Pick<TicketRow, keyof typeof summaryColumns>;

export function toSummary(row: SummaryRow): TicketSummary {
  const identity = row.identity ?? {};
  return {
    id: row.id,
    reference: row.reference,
    subject: row.subject,
    customer: {
      id: identity.id,
      name: row.customerName ?? identity.name,
      company: identity.company,
      plan: identity.plan,
      email: row.customerEmail,
      verified: row.verified,
      // The email shown is the one typed in the form: verified only if it is the signed one.
      verifiedFields: (identity.verifiedFields ?? (row.verified ? ["id"] : [])).filter(
        (f) => f !== "email" || identity.email?.toLowerCase() === row.customerEmail.toLowerCase(),
      ),
    },
    status: row.status,
    severity: row.severity,
    tier: row.tier,
    queue: row.queue,
    priority: row.priority,
    assigneeId: row.assigneeId,
    recordingStatus: row.recordingStatus,
    flags: {
      hasRecording: row.recordingStatus === "stored",
      rageClicks: row.signals.includes("rage_clicks"),
      failedRequests: row.signals.includes("failed_requests"),
      consoleErrors: row.signals.includes("console_errors"),
      verifiedCustomer: row.verified,
      escalationSuggested: row.escalationSuggestedReason !== null,
      pingPong: row.pingPong,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface RecordingRow {
  compressedBytes: number;
  eventCount: number;
  startedAt: number;
  endedAt: number;
}

export function toDetail(row: TicketRow, recording: RecordingRow | null): Omit<TicketDetail, "emailUnsubscribed"> {
  return {
    ...toSummary(row),
    description: row.description,
    pageUrl: row.pageUrl,
    pageTitle: row.pageTitle,
    openedAt: row.openedAt,
    submittedAt: row.submittedAt,
    context: row.context,
    recording: {
      status: row.recordingStatus,
      durationMs: recording ? recording.endedAt - recording.startedAt : null,
      eventCount: recording?.eventCount ?? null,
      compressedBytes: recording?.compressedBytes ?? null,
      startedAt: recording?.startedAt ?? null,
    },
    triage: parseTriage(row.triage),
    escalation: {
      count: row.escalationCount,
      suggestedReason: row.escalationSuggestedReason,
      pingPong: row.pingPong,
      requiredHandoffFields: row.requiredHandoffFields.filter((f): f is (typeof handoffFieldNames)[number] =>
        (handoffFieldNames as readonly string[]).includes(f),
      ),
    },
  };
}

/** Stored jsonb from an older shape reads as "not triaged" rather than breaking the ticket view. */
function parseTriage(value: unknown) {
  const parsed = triageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
