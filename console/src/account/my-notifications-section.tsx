import { useEffect, useMemo } from "preact/hooks";
import { type AgentEmailKind, agentEmailKinds } from "../../../shared/notifications-api.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { createMyNotificationsModel } from "./my-notifications-model.js";

const KINDS: Record<AgentEmailKind, { label: string; hint: string }> = {
  assigned: { label: "Assigned to me", hint: "A ticket is routed or assigned to you." },
  escalated: { label: "Escalated to me", hint: "Someone hands a ticket up to you, with their handoff summary." },
  bounced: { label: "Bounced back to me", hint: "A ticket you escalated comes back, with the reason." },
  critical: { label: "Critical ticket in my queue", hint: "A critical ticket is assigned to you." },
};

/** Which emails the signed-in agent gets: a master switch and one box per kind, each saved as it changes. */
export function MyNotificationsSection() {
  const model = useMemo(() => createMyNotificationsModel(), []);
  useEffect(() => void model.load(), [model]);
  const prefs = model.prefs.value;
  return (
    <section class="card login__card" aria-labelledby="my-notifications-title">
      <h2 class="card__title" id="my-notifications-title">
        My notifications
      </h2>
      {model.error.value && <ErrorNotice error={model.error.value} title="Notification settings not saved" />}
      {prefs && !prefs.smtpConfigured && (
        <p class="notice notice--info">
          This server does not send email yet (an admin sets HANDOFF_SMTP_URL). Your choices are kept for when it does.
        </p>
      )}
      {prefs && (
        <form onSubmit={(e) => e.preventDefault()}>
          <label>
            <input
              type="checkbox"
              checked={prefs.emailEnabled}
              disabled={model.saving.value}
              onChange={(e) => void model.setEmailEnabled(e.currentTarget.checked)}
            />{" "}
            Email me about my tickets
          </label>
          <fieldset disabled={!prefs.emailEnabled || model.saving.value}>
            <legend>Email me when</legend>
            {agentEmailKinds.map((kind) => (
              <div key={kind}>
                <label>
                  <input
                    type="checkbox"
                    checked={prefs.email[kind]}
                    onChange={(e) => void model.setKind(kind, e.currentTarget.checked, KINDS[kind].label)}
                  />{" "}
                  {KINDS[kind].label}
                </label>
                <span class="muted small"> {KINDS[kind].hint}</span>
              </div>
            ))}
          </fieldset>
        </form>
      )}
      <p class="muted small" role="status">
        {model.status.value}
      </p>
    </section>
  );
}
