/** One public route of the API, as the OpenAPI document (document.ts) describes it. */
import type { z } from "zod";

/**
 * How a caller proves who it is (securitySchemes in document.ts). widgetOrUpload: the widget's customer
 * credentials, or the ticket's upload token right after filing (attachments).
 */
export type Auth = "none" | "agent" | "admin" | "widget" | "upload" | "widgetOrUpload";

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** Hono syntax (:id); document.ts turns it into {id}. */
  path: string;
  tag: string;
  summary: string;
  auth: Auth;
  /** For API tokens: the scope that allows it ("admin" allows everything). */
  scope?: "tickets:read" | "tickets:write" | "metrics:read" | "admin";
  query?: z.ZodType;
  body?: z.ZodType;
  /** Default 200; 201 for creations, 202 for work queued, 204 for no body. */
  status?: 200 | 201 | 202 | 204;
  response?: z.ZodType;
  /** Not JSON: text/event-stream, text/csv, a gzip download, a file's raw bytes. */
  responseType?:
    | "text/event-stream"
    | "text/csv"
    | "application/json"
    | "application/gzip"
    | "application/octet-stream";
  /** Not JSON: a gzip upload, a file's raw bytes (its own Content-Type), a raw MIME message. */
  requestType?: "application/json" | "application/gzip" | "application/octet-stream" | "message/rfc822";
  /** Error statuses beyond the auth kind's usual ones (document.ts), e.g. 409, 413, 415. */
  errors?: number[];
  description?: string;
}
