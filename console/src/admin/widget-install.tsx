import { useState } from "preact/hooks";
import type { RefusedOrigin } from "../../../shared/index.js";
import { RelativeTime } from "../ui/time.js";
import type { AdminModel } from "./admin-model.js";

/** The one line a developer pastes into their app, with this server's address and the workspace's default key. */
export function scriptTagFor(siteKey: string, serverOrigin = location.origin): string {
  return `<script src="${serverOrigin}/widget.js" data-site-key="${siteKey}" async></script>`;
}

export function InstallSnippet({ siteKey }: { siteKey: string }) {
  const [copied, setCopied] = useState(false);
  const tag = scriptTagFor(siteKey);
  return (
    <div class="install-snippet">
      <h3 class="admin-form__title">Add the widget to your app</h3>
      <p class="muted small">
        Paste this before <code>&lt;/body&gt;</code> on every page of your app, then allow your app's origin below:
        pages on other origins are refused.
      </p>
      <pre class="install-snippet__code">
        <code>{tag}</code>
      </pre>
      <button
        type="button"
        class="button"
        onClick={() =>
          void navigator.clipboard?.writeText(tag).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "Copied" : "Copy script tag"}
      </button>
    </div>
  );
}

/**
 * Origins whose pages ran the widget and were refused: most often the developer's own app, not allowed yet. Allowing
 * one adds it to the allowed origins; "null" (a page opened from a file) cannot be allowed, so it is only explained.
 */
export function RefusedOrigins({ model, refused }: { model: AdminModel; refused: RefusedOrigin[] }) {
  const workspace = model.workspace.value;
  if (!workspace || refused.length === 0) return null;
  return (
    <section class="refused-origins" aria-label="Refused origins">
      <h3 class="admin-form__title">Refused recently</h3>
      <p class="muted small">
        The widget ran on these pages, but their origin is not allowed, so their customers' tickets were not accepted.
        Allow the ones that are yours.
      </p>
      <ul class="site-keys">
        {refused.map((r) => (
          <li key={r.origin}>
            <code>{r.origin}</code>{" "}
            <span class="muted small">
              {r.refusals === 1 ? "1 request" : `${r.refusals} requests`} refused, last{" "}
              <RelativeTime value={r.lastSeenAt} />
            </span>{" "}
            {r.origin === "null" ? (
              <span class="muted small">
                (a page opened from a file or a sandboxed frame: serve it over http or https to use the widget)
              </span>
            ) : (
              <button
                type="button"
                class="button"
                disabled={model.busy.value}
                aria-label={`Allow ${r.origin}`}
                onClick={() => void model.saveOrigins([...workspace.allowedOrigins, r.origin])}
              >
                Allow
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
