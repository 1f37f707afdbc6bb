import { useEffect, useState } from "preact/hooks";
import { Section } from "../ui/section.js";
import type { AdminModel } from "./admin-model.js";
import { InstallSnippet, RefusedOrigins } from "./widget-install.js";

/** Where the widget may run (allowed origins), its site keys, and the secret that verifies identify(). */
export function WidgetSettingsSection({ model }: { model: AdminModel }) {
  const workspace = model.workspace.value;
  const [origins, setOrigins] = useState("");
  const [label, setLabel] = useState("");
  const [showSecret, setShowSecret] = useState(false);
  const [saved, setSaved] = useState("");
  useEffect(() => setOrigins(workspace?.allowedOrigins.join("\n") ?? ""), [workspace?.allowedOrigins.join("\n")]);
  // Reached from the empty queue's "Review refused origins" (…/admin#widget-settings): shown once it has loaded.
  const loaded = workspace !== null;
  useEffect(() => {
    if (loaded && location.hash === "#widget-settings") document.getElementById("widget-settings")?.scrollIntoView();
  }, [loaded]);
  if (!workspace) return null;

  return (
    <Section id="widget-settings" title="Widget settings">
      <InstallSnippet siteKey={workspace.siteKeys.find((k) => k.primary)?.key ?? workspace.siteKeys[0]!.key} />
      <RefusedOrigins model={model} refused={workspace.refusedOrigins} />
      <form
        class="admin-form admin-form--stacked"
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved("");
          const typed = origins
            .split(/\s+/)
            .map((o) => o.trim())
            .filter(Boolean);
          if (!(await model.saveOrigins(typed))) return;
          // As stored: HTTPS://App.Example.com/ is shown as https://app.example.com, the origin browsers send.
          const stored = model.workspace.value?.allowedOrigins ?? [];
          setOrigins(stored.join("\n"));
          setSaved(
            stored.length === 0
              ? "Saved: no origin is allowed, so the widget refuses every page."
              : `Saved: the widget runs on ${stored.join(", ")}.`,
          );
        }}
      >
        <label for="allowed-origins">Allowed origins (one per line)</label>
        <textarea
          id="allowed-origins"
          rows={4}
          value={origins}
          onInput={(e) => {
            setOrigins(e.currentTarget.value);
            setSaved("");
          }}
        />
        <button type="submit" class="button" disabled={model.busy.value}>
          Save origins
        </button>
        <p role="status" class="muted small">
          {saved}
        </p>
      </form>

      <h3 class="admin-form__title">Site keys</h3>
      <ul class="site-keys">
        {workspace.siteKeys.map((key) => (
          <li key={key.key} class={key.revokedAt ? "muted" : undefined}>
            <code>{key.key}</code> {key.label}
            {key.primary && <span class="muted small"> (default)</span>}
            {key.revokedAt ? (
              <span class="muted small"> revoked</span>
            ) : (
              !key.primary && (
                <button
                  type="button"
                  class="button button--link"
                  disabled={model.busy.value}
                  onClick={() => {
                    // Irreversible, and every page using the key stops sending tickets: ask, as Rotate secret does.
                    const question = `Revoke the site key "${key.label}" (${key.key})? Pages that use it can no longer send tickets. This cannot be undone.`;
                    if (window.confirm(question)) void model.revokeSiteKey(key.key);
                  }}
                >
                  Revoke {key.label}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      <form
        class="admin-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (await model.createSiteKey(label.trim())) setLabel("");
        }}
      >
        <input
          aria-label="New site key label"
          placeholder="Label, e.g. Staging app"
          required
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={model.busy.value}>
          Create site key
        </button>
      </form>

      <h3 class="admin-form__title">Identity secret</h3>
      <p class="muted small">Your backend signs identify() with it: userHash = HMAC-SHA256(secret, user id).</p>
      <p>
        <code class="identity-secret">{showSecret ? workspace.identitySecret : "•".repeat(24)}</code>{" "}
        <button type="button" class="button button--link" onClick={() => setShowSecret(!showSecret)}>
          {showSecret ? "Hide" : "Show"}
        </button>
        <button
          type="button"
          class="button"
          disabled={model.busy.value}
          onClick={() => {
            if (window.confirm("Rotate the identity secret? Hashes signed with the old one stop verifying at once.")) {
              void model.rotateSecret().then(() => setShowSecret(true));
            }
          }}
        >
          Rotate secret
        </button>
      </p>
    </Section>
  );
}
