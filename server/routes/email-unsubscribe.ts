import type { Context } from "hono";
import type { AppEnv } from "../env.js";
import { readUnsubscribeLink } from "../services/notifications/read-unsubscribe-link.js";
import { setCustomerUnsubscribe } from "../services/notifications/set-customer-unsubscribe.js";
import { readBodyBytes } from "./body.js";
import { emailLinkApp } from "./email-link-app.js";
import { invalidUnsubscribePage, unsubscribePage } from "./unsubscribe-page.js";

const CHOICES = ["ticket", "all", "subscribed"] as const;

/** The form fields of a POST: our page's own form, or a mail client's RFC 8058 one-click request. */
async function readChoice(c: Context<AppEnv>) {
  const bytes = await readBodyBytes(c, 4 * 1024);
  const type = c.req.header("content-type") ?? "application/x-www-form-urlencoded";
  const form = await new Response(Buffer.from(bytes), { headers: { "Content-Type": type } })
    .formData()
    .catch(() => null);
  const choice = form?.get("choice");
  if (typeof choice === "string" && (CHOICES as readonly string[]).includes(choice))
    return choice as (typeof CHOICES)[number];
  // RFC 8058: the body is List-Unsubscribe=One-Click; any other POST to the link also means "stop".
  return "ticket" as const;
}

/**
 * /email/unsubscribe/:token, the link in every customer email and its List-Unsubscribe header. GET only shows the
 * choice (link scanners and previews fetch it); POST makes it, from our page or from the mail client in one click.
 */
export function unsubscribeRoutes() {
  const app = emailLinkApp(invalidUnsubscribePage);
  app.get("/:token", async (c) =>
    c.html(unsubscribePage(await readUnsubscribeLink(c.get("db"), c.req.param("token")), false)),
  );
  app.post("/:token", async (c) => {
    const choice = await readChoice(c);
    const link = await setCustomerUnsubscribe(c.get("db"), { token: c.req.param("token"), choice });
    return c.html(unsubscribePage(link, true));
  });
  return app;
}
