import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * What the queue's search reads of a ticket: subject, description and who the customer is (email, name, the host
 * app's user id, company). "@" and "." become spaces, so the words an agent types ("northwind", a whole address)
 * match as the search splits them. One expression for the index and the query, so the query uses the index.
 */
export const ticketSearchText = (t: {
  subject: AnyPgColumn;
  description: AnyPgColumn;
  customerEmail: AnyPgColumn;
  customerName: AnyPgColumn;
  customerId: AnyPgColumn;
  identity: AnyPgColumn;
}) =>
  sql`translate(${t.subject} || ' ' || ${t.description} || ' ' || ${t.customerEmail} || ' ' || coalesce(${t.customerName}, '') || ' ' || coalesce(${t.customerId}, '') || ' ' || coalesce(${t.identity}->>'company', ''), '@.', '  ')`;
