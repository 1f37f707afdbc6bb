import type { Context } from "hono";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { recordings, tickets, workspaces } from "../db/schema.js";
import { recordingUploads } from "../db/schema-hardening.js";
import { WIDGET_QUERY } from "../../shared/widget-api.js";
import { hmacHex, safeEqual } from "../lib/crypto.js";
import { notFound, ServiceError } from "../services/service-error.js";
import { assertOriginAllowed, type Workspace } from "./find-widget-workspace.js";

/**
 * How long a ticket's token opens its recording upload: as long as the widget's outbox keeps retrying
 * (OUTBOX_LIMITS.maxAgeMs in widget/transport/outbox.ts). Feedback is asked after resolution, days later, and is
 * accepted once, so the token keeps opening it.
 */
export const RECORDING_UPLOAD_TTL_MS = 7 * 24 * 3600_000;

/**
 * An erased (anonymised) ticket is gone for whoever filed it: its token opens no upload and no survey, so a recording
 * the widget's outbox sends days later never reattaches personal data to it.
 */
export const ticketErased = sql<boolean>`exists (select 1 from anonymised_tickets a where a.ticket_id = ${tickets.id})`;

/** Derived, not stored: a retried create can hand back the same token. */
export const uploadTokenFor = (workspace: Pick<Workspace, "uploadSecret">, ticketId: string) =>
  hmacHex(workspace.uploadSecret, `upload:${ticketId}`);

/** The caller's upload token: `Authorization: Bearer …`, or `?token=` for sendBeacon, which cannot set headers. */
export function uploadTokenFromRequest(c: Context): string | undefined {
  const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S{1,200})\s*$/i)?.[1];
  return bearer ?? c.req.query(WIDGET_QUERY.uploadToken)?.slice(0, 200);
}

/** Whoever holds a ticket's upload token, from an allowed origin: the customer who filed it. */
export interface TicketHolder {
  kind: "ticket_holder";
  ticketId: string;
  workspace: Workspace;
  ticketCreatedAt: Date;
  /**
   * For purpose "recording": the hash of the recording the ticket already has ("" for one stored before hashes were
   * kept), undefined when it has none, read in the token's own lookup so an upload costs no round trip for it.
   */
  storedRecording?: string;
}

/**
 * The one check of an upload token: the ticket exists, the token is its own and not expired, and the page's Origin is
 * allowed for its workspace. Reads nothing from the request body, so a hostile upload costs one indexed lookup.
 */
export async function authenticateTicketHolder(
  db: Db,
  input: {
    ticketId: string;
    token: string | undefined;
    origin: string | undefined;
    ownOrigin: string;
    purpose: "recording" | "feedback";
    now?: Date;
  },
): Promise<TicketHolder> {
  const [row] = await db
    .select({
      id: tickets.id,
      createdAt: tickets.createdAt,
      workspace: workspaces,
      hasRecording: sql<boolean>`${recordings.ticketId} is not null`,
      storedSha256: recordingUploads.sha256,
      erased: ticketErased,
    })
    .from(tickets)
    .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
    .leftJoin(recordings, eq(recordings.ticketId, tickets.id))
    .leftJoin(recordingUploads, eq(recordingUploads.ticketId, recordings.ticketId))
    .where(eq(tickets.id, input.ticketId))
    .limit(1);
  if (!row || row.erased) throw notFound("Ticket");
  if (!input.token || !safeEqual(uploadTokenFor(row.workspace, row.id), input.token)) {
    throw new ServiceError("unauthorized", "Invalid upload token for this ticket");
  }
  const age = (input.now ?? new Date()).getTime() - row.createdAt.getTime();
  if (input.purpose === "recording" && age > RECORDING_UPLOAD_TTL_MS) {
    throw new ServiceError("unauthorized", "This ticket's upload token has expired");
  }
  await assertOriginAllowed(db, row.workspace, input.origin, input.ownOrigin);
  return {
    kind: "ticket_holder",
    ticketId: row.id,
    workspace: row.workspace,
    ticketCreatedAt: row.createdAt,
    storedRecording: row.hasRecording ? (row.storedSha256 ?? "") : undefined,
  };
}
