import { eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { z } from "zod";
import { webhookDeliveries, webhookEndpoints } from "../../db/schema-notifications.js";
import { addJob } from "../../jobs/add-job.js";
import type { JobContext } from "../../jobs/registry.js";
import { ensureNotificationSettings } from "./notification-settings.js";
import { BlockedTargetError } from "./outbound-guard.js";
import { postOutbound, type OutboundResult } from "./post-outbound.js";
import { DELIVER_WEBHOOK } from "./queue-webhook-deliveries.js";
import { type AdminEmailJob, SEND_ADMIN_EMAIL } from "./send-admin-email.js";

/** Failed attempts in a row (no success between) after which an endpoint is switched off. */
export const DISABLE_AFTER_FAILURES = 20;

const payloadSchema = z.object({ workspaceId: z.uuid(), deliveryId: z.uuid(), once: z.boolean().optional() });

/**
 * One attempt of one delivery: signed afresh (Standard Webhooks, same webhook-id), posted through the outbound guard,
 * logged. A failure schedules the next attempt as a new job on the retry schedule; `once` (a redelivery) does not.
 */
export async function deliverWebhook(raw: unknown, ctx: JobContext): Promise<void> {
  const { deliveryId, once } = payloadSchema.parse(raw);
  const { db, config } = ctx;
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return; // the endpoint was deleted
  const { delivery, endpoint } = row;
  if (!once && delivery.status !== "pending") return; // already settled (a job re-run after a crash)
  if (!endpoint.enabled && !once) {
    await db
      .update(webhookDeliveries)
      .set({ status: "failed", lastError: "Endpoint disabled", nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    return;
  }
  const settings = await ensureNotificationSettings(db, endpoint.workspaceId);
  const body = JSON.stringify(delivery.payload);
  const now = new Date();
  const signatures = [endpoint.secret, endpoint.previousSecret]
    .filter((s): s is string => Boolean(s))
    .map((secret) => new Webhook(secret).sign(delivery.messageId, now, body));
  let result: OutboundResult | undefined;
  let error: string | null = null;
  let permanent = once;
  try {
    result = await postOutbound(
      endpoint.url,
      body,
      {
        "webhook-id": delivery.messageId,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": signatures.join(" "),
      },
      { timeoutMs: config.notifications.webhookTimeoutMs, allowPrivate: settings.allowPrivateTargets },
    );
    if (result.status < 200 || result.status >= 300) error = `Endpoint answered ${result.status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    // A refused address stays refused until an admin changes the setting: retrying would only fill the log.
    if (e instanceof BlockedTargetError) permanent = true;
  }
  const attempts = delivery.attempts + 1;
  const logged = {
    attempts,
    responseStatus: result?.status ?? null,
    responseExcerpt: result?.excerpt ?? null,
    latencyMs: result?.latencyMs ?? null,
    lastError: error,
  };
  if (!error) {
    await db.transaction(async (tx) => {
      await tx
        .update(webhookDeliveries)
        .set({ ...logged, status: "succeeded", deliveredAt: new Date(), nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, delivery.id));
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, endpoint.id));
    });
    return;
  }
  const delays = config.notifications.webhookRetrySeconds;
  const retryIn = permanent ? undefined : delays[attempts - 1];
  await db.transaction(async (tx) => {
    const nextAttemptAt = retryIn === undefined ? null : new Date(Date.now() + retryIn * 1000);
    await tx
      .update(webhookDeliveries)
      .set({ ...logged, status: nextAttemptAt ? "pending" : "failed", nextAttemptAt })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (nextAttemptAt)
      await addJob(tx, DELIVER_WEBHOOK, { workspaceId: endpoint.workspaceId, deliveryId }, { runAt: nextAttemptAt });
    const [counted] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, endpoint.id))
      .returning({ failures: webhookEndpoints.consecutiveFailures, enabled: webhookEndpoints.enabled });
    if (counted?.enabled && counted.failures >= DISABLE_AFTER_FAILURES) {
      const disabledReason = `Disabled after ${counted.failures} failed attempts in a row: ${error}`;
      await tx
        .update(webhookEndpoints)
        .set({ enabled: false, disabledReason })
        .where(eq(webhookEndpoints.id, endpoint.id));
      if (config.notifications.smtpUrl)
        await addJob(tx, SEND_ADMIN_EMAIL, {
          workspaceId: endpoint.workspaceId,
          subject: `Webhook endpoint disabled: ${endpoint.url}`,
          lines: [
            `Handoff stopped sending webhooks to ${endpoint.url}.`,
            disabledReason,
            "Fix the receiver, then enable the endpoint again in Admin → Webhooks; use Redeliver for what it missed.",
          ],
        } satisfies AdminEmailJob);
    }
  });
}
