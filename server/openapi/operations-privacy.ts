import type { Operation } from "./operation.js";
import {
  customerSelectorSchema,
  erasureResultSchema,
  PRIVACY_PATHS,
  privacyAuditListSchema,
  retentionSettingsSchema,
  retentionSweepResultSchema,
} from "../../shared/privacy-api.js";

/** Retention, erasure, export and the privacy audit (admins only). */
export const PRIVACY_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: PRIVACY_PATHS.retention,
    tag: "Privacy",
    summary: "Retention settings (admin)",
    auth: "admin",
    scope: "admin",
    response: retentionSettingsSchema,
  },
  {
    method: "put",
    path: PRIVACY_PATHS.retention,
    tag: "Privacy",
    summary: "Change retention settings (admin)",
    auth: "admin",
    scope: "admin",
    body: retentionSettingsSchema,
    response: retentionSettingsSchema,
  },
  {
    method: "post",
    path: PRIVACY_PATHS.sweep,
    tag: "Privacy",
    summary: "Run the retention sweep now (admin)",
    auth: "admin",
    scope: "admin",
    response: retentionSweepResultSchema,
    description: "The sweep also runs hourly on its own; `ran` is false when another process was already sweeping.",
  },
  {
    method: "post",
    path: PRIVACY_PATHS.erase,
    tag: "Privacy",
    summary: "Erase a customer's personal data (admin)",
    auth: "admin",
    scope: "admin",
    body: customerSelectorSchema,
    response: erasureResultSchema,
  },
  {
    method: "post",
    path: PRIVACY_PATHS.export,
    tag: "Privacy",
    summary: "Export a customer's data as a gzip archive (admin)",
    auth: "admin",
    scope: "admin",
    body: customerSelectorSchema,
    responseType: "application/gzip",
    description:
      "POST so the customer's email stays out of URLs and access logs; the archive downloads (Content-Disposition).",
  },
  {
    method: "get",
    path: PRIVACY_PATHS.audit,
    tag: "Privacy",
    summary: "The privacy audit log (admin)",
    auth: "admin",
    scope: "admin",
    response: privacyAuditListSchema,
  },
];
