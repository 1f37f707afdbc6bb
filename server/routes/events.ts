import { Hono, type Context } from "hono";
import { apiTokenActor } from "../access/authenticate-token.js";
import { cors } from "../middleware/cors.js";
import type { LiveFollower } from "../access/live-scope.js";
import { CUSTOMER_HEADERS } from "../../shared/customer-api.js";
import type { AppEnv } from "../env.js";
import { requireAgent } from "../middleware/agent-auth.js";
import { clientAddress, rateLimit } from "../middleware/rate-limit.js";
import { type CapKey, ConnectionCaps } from "../services/events/connection-caps.js";
import { liveHub } from "../services/events/live-hub.js";
import { openStream } from "../services/events/open-stream.js";
import { ServiceError } from "../services/service-error.js";
import { customer } from "./customer.js";

/** Across all processes on the database. An office behind one NAT may hold many widget pages, hence the large per-address cap. */
const MAX_PER_AGENT = 10;
const MAX_PER_CUSTOMER = 5;
const MAX_PER_ADDRESS = Number(process.env.HANDOFF_SSE_MAX_PER_ADDRESS) || 1000;
const CONNECTS_PER_MINUTE = Number(process.env.HANDOFF_SSE_CONNECTS_PER_MINUTE) || 600;

/** GET /api/v1/events (agents, tokens) and GET /api/v1/widget/events (customers): contract in shared/events-api.ts. */
export function eventRoutes() {
  const caps = new ConnectionCaps();
  const agentApp = new Hono<AppEnv>();
  agentApp.get("/", requireAgent(), async (c) => {
    const agent = c.get("actor");
    const follower: LiveFollower = { kind: "agent", workspaceId: agent.workspaceId };
    // A token counts its own streams: it acts as the admin who made it, and a script holding ten shut that admin's
    // console out of live updates.
    const token = apiTokenActor.getStore();
    return stream(c, caps, follower, [
      { key: token ? `token:${token.id}` : `agent:${agent.id}`, max: MAX_PER_AGENT },
      { key: `addr:${clientAddress(c)}`, max: MAX_PER_ADDRESS },
    ]);
  });

  const widgetApp = new Hono<AppEnv>();
  widgetApp.use(
    "/",
    cors({
      origin: (origin) => origin,
      allowMethods: ["GET", "OPTIONS"],
      allowHeaders: [...Object.values(CUSTOMER_HEADERS), "Last-Event-ID"],
      anyRequestHeaders: true,
      exposeHeaders: ["Retry-After", "X-Request-Id"],
      maxAge: 600,
    }),
    // Reconnects only: a stream lives up to 30 minutes, so this is generous for one office.
    rateLimit({
      layers: [{ name: "widget-events", limit: CONNECTS_PER_MINUTE, windowMs: 60_000, key: (c) => clientAddress(c) }],
    }),
  );
  widgetApp.get("/", async (c) => {
    const { workspace, scope } = await customer(c);
    const who =
      scope.kind === "user"
        ? `user:${scope.userId}`
        : scope.kind === "browser"
          ? `browser:${scope.tokenHash}`
          : `ticket:${scope.ticketId}`;
    const follower: LiveFollower = { kind: "customer", workspaceId: workspace.id, scope };
    return stream(c, caps, follower, [
      { key: `customer:${workspace.id}:${who}`, max: MAX_PER_CUSTOMER },
      { key: `addr:${clientAddress(c)}`, max: MAX_PER_ADDRESS },
    ]);
  });
  return { agentApp, widgetApp };
}

async function stream(c: Context<AppEnv>, caps: ConnectionCaps, follower: LiveFollower, keys: CapKey[]) {
  const lastEventId = parseLastEventId(c.req.header("last-event-id") ?? c.req.query("lastEventId"));
  const release = await caps.acquire(c.get("db"), keys);
  const body = await openStream({
    hub: liveHub(c.get("db"), c.get("dbKind")),
    follower,
    lastEventId,
    onClose: release,
  });
  return c.body(body, 200, {
    "Content-Type": "text/event-stream; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Accel-Buffering": "no",
  });
}

function parseLastEventId(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) throw new ServiceError("bad_request", "Last-Event-ID must be an event id");
  return Number(value.trim());
}
