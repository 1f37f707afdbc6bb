import { useEffect, useMemo } from "preact/hooks";
import { session } from "../session.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { createAdminModel } from "./admin-model.js";
import { AgentsSection } from "./agents-section.js";
import { ApiTokensSection } from "./api-tokens-section.js";
import { createNotificationsModel } from "./notifications-model.js";
import { NotificationsSection } from "./notifications-section.js";
import { WebhooksSection } from "./webhooks-section.js";
import { WidgetSettingsSection } from "./widget-settings-section.js";
import { PrivacySection } from "./privacy-section.js";

export function AdminScreen() {
  useDocumentTitle("Admin");
  const isAdmin = session.value.kind === "signed-in" && session.value.agent.role === "admin";
  const model = useMemo(() => createAdminModel(), []);
  useEffect(() => (isAdmin ? model.start() : undefined), [model, isAdmin]);
  const notifications = useMemo(() => createNotificationsModel(), []);
  useEffect(() => (isAdmin ? notifications.start() : undefined), [notifications, isAdmin]);

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenHeading id="screen-title">Admin</ScreenHeading>
      {!isAdmin && <p>Only admins can manage agents and widget settings.</p>}
      {model.loadError.value && (
        <ErrorNotice error={model.loadError.value} title="Couldn't load settings" onRetry={() => void model.load()} />
      )}
      {model.actionError.value && (
        <ErrorNotice error={model.actionError.value} title="Not saved" labels={ADMIN_LABELS} />
      )}
      {isAdmin && (
        <>
          <AgentsSection model={model} />
          <WidgetSettingsSection model={model} />
          <ApiTokensSection />
          <PrivacySection />
          {notifications.error.value && <ErrorNotice error={notifications.error.value} title="Not saved" />}
          <NotificationsSection model={notifications} />
          <WebhooksSection model={notifications} />
        </>
      )}
    </section>
  );
}

/** Admin > Agents and Widget settings' words for the fields the server names in a refusal. */
const ADMIN_LABELS = {
  name: "Name",
  email: "Email",
  password: "Password",
  role: "Role",
  tier: "Tier",
  skills: "Skills",
  allowedOrigins: "Allowed origins",
  label: "Site key label",
};
