import { Hono } from "hono";
import type { AppEnv } from "../env.js";
import { MAX_INBOUND_MAIL_BYTES, receiveEmailReply } from "../services/notifications/receive-email-reply.js";
import { readBodyBytes } from "./body.js";

/** /api/v1/inbound: raw MIME posted by an SMTP relay or inbound-mail service; the path secret names the workspace. */
export function inboundRoutes() {
  const app = new Hono<AppEnv>();
  app.post("/email/:inboundSecret", async (c) => {
    const raw = Buffer.from(await readBodyBytes(c, MAX_INBOUND_MAIL_BYTES));
    const inboundSecret = c.req.param("inboundSecret");
    return c.json(await receiveEmailReply(c.get("db"), c.get("blobs"), { raw, inboundSecret }), 202);
  });
  return app;
}
