import { z } from "zod";
import type { Operation } from "./operation.js";
import { ticketDetailSchema } from "../../shared/agent-api.js";
import {
  ATTACHMENT_FILENAME_PARAM,
  ATTACHMENT_LIMITS,
  ATTACHMENT_TYPES,
  attachmentListSchema,
  attachmentSchema,
} from "../../shared/attachments.js";

const read = "tickets:read" as const;
const write = "tickets:write" as const;

/** `?filename=` names the upload; the raw bytes are the body, their type the Content-Type. */
const uploadQuery = z.object({ [ATTACHMENT_FILENAME_PARAM]: z.string().optional() });
const uploadDescription = `The raw bytes are the body and their type the Content-Type (one of ${ATTACHMENT_TYPES.join(", ")}; anything else is 415); the name goes in \`?${ATTACHMENT_FILENAME_PARAM}=\`. At most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB (413).`;
const downloadDescription =
  "The file's bytes: known image types inline with their own Content-Type, anything else as an application/octet-stream download (Content-Disposition).";

/** Attachments (agent and widget), deleting a ticket, and the security detector's false alarms. */
export const TICKET_OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/widget/tickets/:id/attachments",
    tag: "Widget",
    summary: "Attach a file to the customer's ticket",
    auth: "widgetOrUpload",
    query: uploadQuery,
    requestType: "application/octet-stream",
    status: 201,
    response: attachmentSchema,
    errors: [413, 415],
    description: `Right after filing with the ticket's upload token (Bearer), later with the widget's customer credentials. ${uploadDescription}`,
  },
  {
    method: "get",
    path: "/api/v1/widget/tickets/:id/attachments",
    tag: "Widget",
    summary: "The ticket's attachments",
    auth: "widgetOrUpload",
    response: attachmentListSchema,
  },
  {
    method: "get",
    path: "/api/v1/widget/tickets/:id/attachments/:attachmentId",
    tag: "Widget",
    summary: "Open an attachment",
    auth: "widgetOrUpload",
    responseType: "application/octet-stream",
    description: downloadDescription,
  },
  {
    method: "post",
    path: "/api/v1/tickets/:id/attachments",
    tag: "Tickets",
    summary: "Attach a file to the ticket",
    auth: "agent",
    scope: write,
    query: uploadQuery,
    requestType: "application/octet-stream",
    status: 201,
    response: attachmentSchema,
    errors: [413, 415],
    description: uploadDescription,
  },
  {
    method: "get",
    path: "/api/v1/tickets/:id/attachments",
    tag: "Tickets",
    summary: "The ticket's attachments",
    auth: "agent",
    scope: read,
    response: attachmentListSchema,
  },
  {
    method: "get",
    path: "/api/v1/tickets/:id/attachments/:attachmentId",
    tag: "Tickets",
    summary: "Open an attachment",
    auth: "agent",
    scope: read,
    responseType: "application/octet-stream",
    description: downloadDescription,
  },
  {
    method: "delete",
    path: "/api/v1/tickets/:id",
    tag: "Privacy",
    summary: "Delete a ticket with its messages, recording and attachments, for good (admin)",
    auth: "admin",
    scope: "admin",
    status: 204,
  },
  {
    method: "post",
    path: "/api/v1/tickets/:id/security-false-alarm",
    tag: "Routing",
    summary: "Mark the security detector's flag as a false alarm",
    auth: "agent",
    scope: write,
    response: ticketDetailSchema,
    errors: [409],
    description:
      "The ticket leaves the security queue for the classifier's best ordinary guess (or triage); the mark teaches the detector at its next retraining. 409 when the detector did not flag the ticket.",
  },
];
