/** The conversation's attachments (server/routes/attachments.ts), with the customer's own headers. */
import { ATTACHMENT_FILENAME_PARAM } from "../../shared/attachment-limits.js";
import { WIDGET_HEADERS } from "../../shared/widget-paths.js";
import { errorFromResponse, networkError } from "../transport/api-error.js";
import { customerToken } from "../transport/customer-token.js";
import { type Caller, userHeader } from "./client.js";

export interface ThreadAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  inline: boolean;
  authorType: "customer" | "agent";
}

const path = (ticketId: string) => `/api/v1/widget/tickets/${ticketId}/attachments`;

async function request(caller: Caller, url: string, init: RequestInit = {}, type?: string): Promise<Response> {
  const headers: Record<string, string> = { [WIDGET_HEADERS.siteKey]: caller.siteKey };
  const token = customerToken(caller.siteKey, false);
  const user = userHeader(caller.identity());
  if (token) headers[WIDGET_HEADERS.customerToken] = token;
  if (user) headers[WIDGET_HEADERS.user] = user;
  if (type) headers["Content-Type"] = type;
  let response: Response;
  try {
    response = await fetch(caller.apiOrigin + url, { ...init, headers, credentials: "omit", cache: "no-store" });
  } catch (error) {
    throw networkError(error);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

export async function listThreadAttachments(caller: Caller, ticketId: string): Promise<ThreadAttachment[]> {
  return ((await (await request(caller, path(ticketId))).json()) as { attachments: ThreadAttachment[] }).attachments;
}

export async function attachToThread(caller: Caller, ticketId: string, file: File): Promise<ThreadAttachment> {
  const url = `${path(ticketId)}?${ATTACHMENT_FILENAME_PARAM}=${encodeURIComponent(file.name || "screenshot.png")}`;
  return (await request(caller, url, { method: "POST", body: file }, file.type)).json();
}

/** The file's bytes: images are shown and files saved from an object URL, since an <img> cannot send our headers. */
export async function threadAttachmentBlob(caller: Caller, ticketId: string, id: string): Promise<Blob> {
  return (await request(caller, `${path(ticketId)}/${id}`)).blob();
}
