import { useMemo } from "preact/hooks";
import type { Agent } from "../../../shared/index.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { createAccountModel } from "./account-model.js";
import { MyNotificationsSection } from "./my-notifications-section.js";
import { PasswordFields } from "./password-fields.js";

export function AccountScreen({ agent }: { agent: Agent }) {
  useDocumentTitle("Your account");
  const model = useMemo(() => createAccountModel(agent.id), [agent.id]);
  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenHeading id="screen-title">Your account</ScreenHeading>
      <p class="muted">
        {agent.name} · {agent.email} · Tier {agent.tier} · {agent.skills.join(", ") || "no skills set"}
      </p>
      <form
        class="card login__card"
        aria-label="Change password"
        onSubmit={(event) => {
          event.preventDefault();
          void model.submit();
        }}
      >
        <h2 class="card__title">Change password</h2>
        <p class="muted small">Your other sessions (other browsers and devices) are logged out.</p>
        {model.saved.value && (
          <p class="notice notice--info" role="status">
            Password changed. Other sessions were logged out.
          </p>
        )}
        {model.error.value && (
          <ErrorNotice
            error={model.error.value}
            title="Password not changed"
            labels={{ currentPassword: "Current password", password: "New password" }}
          />
        )}
        <PasswordFields model={model} idPrefix="" username={agent.email} currentLabel="Current password" />
        <button type="submit" class="button button--primary" disabled={model.saving.value}>
          {model.saving.value ? "Saving…" : "Change password"}
        </button>
      </form>
      <MyNotificationsSection />
    </section>
  );
}
