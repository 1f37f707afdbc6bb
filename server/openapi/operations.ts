/**
 * Every public route of the API with its shared zod schemas: the one list the OpenAPI document (document.ts) and
 * the reference page are generated from. A contract test fails when the app has a route that is not listed here.
 */
import type { Operation } from "./operation.js";
import { ADMIN_OPERATIONS } from "./operations-admin.js";
import { AGENT_OPERATIONS } from "./operations-agent.js";
import { NOTIFICATION_OPERATIONS } from "./operations-notifications.js";
import { PRIVACY_OPERATIONS } from "./operations-privacy.js";
import { TICKET_OPERATIONS } from "./operations-tickets.js";
import { WIDGET_OPERATIONS } from "./operations-widget.js";

export type { Auth, Operation } from "./operation.js";

export const OPERATIONS: Operation[] = [
  ...WIDGET_OPERATIONS,
  ...AGENT_OPERATIONS,
  ...TICKET_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...PRIVACY_OPERATIONS,
  ...NOTIFICATION_OPERATIONS,
];
