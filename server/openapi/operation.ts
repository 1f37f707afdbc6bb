/** One public route of the API, as the OpenAPI document (document.ts) describes it. */
import type { z } from "zod";

/** How a caller proves who it is (securitySchemes in document.ts). */
export type Auth = "none" | "agent" | "admin" | "widget" | "upload";

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
  /** Default 200; 201 for creations, 204 for no body. */
  status?: 200 | 201 | 204;
  response?: z.ZodType;
  /** Not JSON: text/event-stream, text/csv, gzip upload. */
  responseType?: "text/event-stream" | "text/csv" | "application/json";
  requestType?: "application/json" | "application/gzip";
  description?: string;
}
