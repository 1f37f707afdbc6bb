import { Section } from "../ui/section.js";
import type { NotificationsModel } from "./notifications-model.js";
import { SlackSettings } from "./slack-settings.js";
import { TestEmailForm } from "./test-email-form.js";
import { FailingJobs } from "./failing-jobs.js";

/** SMTP status, where replies come in, Slack, and whether webhooks may reach private addresses. */
export function NotificationsSection({ model }: { model: NotificationsModel }) {
  const settings = model.settings.value;
  if (!settings) return null;
  const inboundPath = `${location.origin}/api/v1/inbound/email/${settings.inboundEmailSecret}`;

  return (
    <Section id="notifications" title="Notifications">
      <h3 class="admin-form__title">Email</h3>
      {settings.smtpConfigured ? (
        <>
          <p>
            Sending as <code>{settings.mailFrom}</code>. Customers get replies by email and can answer them.
          </p>
          <TestEmailForm model={model} />
        </>
      ) : (
        <p class="muted" role="status">
          Email is off: set HANDOFF_SMTP_URL and HANDOFF_MAIL_FROM on the server. Tickets and replies keep working in
          the widget; nothing is lost.
        </p>
      )}
      <p class="muted small">
        Inbound replies: point your mail relay at <code>{inboundPath}</code>
        {settings.inboundEmailDomain ? ` (reply addresses @${settings.inboundEmailDomain})` : ""}.{" "}
        <button
          type="button"
          class="button button--link"
          disabled={model.busy.value}
          onClick={() => {
            if (window.confirm("Rotate the inbound secret? Replies to mails sent so far stop threading."))
              void model.updateSettings({ rotateInboundSecret: true });
          }}
        >
          Rotate
        </button>
      </p>

      <h3 class="admin-form__title">Sending problems</h3>
      <FailingJobs jobs={model.jobIssues.value} />

      <h3 class="admin-form__title">Slack</h3>
      <SlackSettings model={model} />

      <h3 class="admin-form__title">Outbound requests</h3>
      <label>
        <input
          type="checkbox"
          checked={settings.allowPrivateTargets}
          disabled={model.busy.value}
          onChange={(e) => void model.updateSettings({ allowPrivateTargets: e.currentTarget.checked })}
        />{" "}
        Allow webhooks to private and loopback addresses (self-hosted receivers only)
      </label>
    </Section>
  );
}
