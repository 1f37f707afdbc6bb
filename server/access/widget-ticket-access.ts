import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tickets, workspaces } from "../db/schema.js";
import { safeEqual } from "../lib/crypto.js";
import { ticketErased, uploadTokenFor } from "./upload-token.js";
import { notFound, ServiceError } from "../services/service-error.js";
import { resolveCustomerScope, scopeCondition } from "./customer-scope.js";
import { assertOriginAllowed, findWidgetWorkspace } from "./find-widget-workspace.js";

export type WidgetCaller =
  /** Right after filing: the ticket's upload token (the same one the recording upload uses). */
  | { kind: "upload"; uploadToken: string }
  /** In the conversation: site key, then a verified identity or this browser's customer token. */
  | { kind: "customer"; siteKey: string | undefined; user: string | undefined; customerToken: string | undefined };

/** Which ticket a widget caller may attach to or read from; anything else is 401/403/404 as for the conversation. */
export async function widgetTicketAccess(
  db: Db,
  input: { ticketId: string; caller: WidgetCaller; origin: string | undefined; ownOrigin: string },
): Promise<{ workspaceId: string; ticketId: string }> {
  if (input.caller.kind === "upload") {
    const [row] = await db
      .select({ id: tickets.id, workspace: workspaces, erased: ticketErased })
      .from(tickets)
      .innerJoin(workspaces, eq(workspaces.id, tickets.workspaceId))
      .where(eq(tickets.id, input.ticketId))
      .limit(1);
    if (!row || row.erased) throw notFound("Ticket");
    if (!safeEqual(uploadTokenFor(row.workspace, row.id), input.caller.uploadToken)) {
      throw new ServiceError("unauthorized", "Invalid upload token for this ticket");
    }
    await assertOriginAllowed(db, row.workspace, input.origin, input.ownOrigin);
    return { workspaceId: row.workspace.id, ticketId: row.id };
  }
  const workspace = await findWidgetWorkspace(db, {
    siteKey: input.caller.siteKey,
    origin: input.origin,
    ownOrigin: input.ownOrigin,
  });
  const scope = resolveCustomerScope(workspace, input.caller);
  const [ticket] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), scopeCondition(workspace.id, scope)))
    .limit(1);
  if (!ticket) throw notFound("Conversation");
  return { workspaceId: workspace.id, ticketId: ticket.id };
}
