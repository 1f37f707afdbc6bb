import type { CustomerTicket } from "../../../shared/customer-api.js";
import { tickets } from "../../db/schema.js";

/** The columns a customer may see of their own ticket. */
export const customerTicketColumns = {
  id: tickets.id,
  reference: tickets.reference,
  subject: tickets.subject,
  description: tickets.description,
  status: tickets.status,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
};
export type CustomerTicketRow = { [K in keyof typeof customerTicketColumns]: (typeof tickets.$inferSelect)[K] };

export function toCustomerTicket(row: CustomerTicketRow, lastMessageAt: Date | null): CustomerTicket {
  const last = lastMessageAt && lastMessageAt > row.createdAt ? lastMessageAt : row.createdAt;
  return {
    id: row.id,
    reference: row.reference,
    subject: row.subject,
    description: row.description,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastActivityAt: last.toISOString(),
  };
}
