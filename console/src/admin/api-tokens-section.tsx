import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { type TokenScope, tokenScopes } from "../../../shared/tokens-api.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { Section } from "../ui/section.js";
import { createApiTokensModel } from "./api-tokens-model.js";

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "never");

/** API tokens for scripts: named, scoped, shown once, revocable; reference at /docs. */
export function ApiTokensSection() {
  const model = useMemo(() => createApiTokensModel(), []);
  useEffect(() => void model.load(), [model]);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["tickets:read"]);
  const created = model.created.value;
  const nameInput = useRef<HTMLInputElement>(null);

  return (
    <Section id="api-tokens" title="API tokens">
      <p class="muted small">
        Scripts call the API with <code>Authorization: Bearer …</code>. Reference: <a href="/docs">/docs</a>.
      </p>
      {model.error.value && <ErrorNotice error={model.error.value} title="Not saved" />}
      {created && (
        <CreatedToken
          key={created.token}
          name={created.name}
          token={created.token}
          onDone={() => {
            model.dismissCreated();
            nameInput.current?.focus();
          }}
        />
      )}
      <ul class="site-keys" aria-label="API tokens">
        {model.tokens.value.map((token) => (
          <li key={token.id} class={token.revokedAt ? "muted" : undefined}>
            <strong>{token.name}</strong> <code>{token.prefix}…</code> {token.scopes.join(", ")}
            <span class="muted small"> · last used {formatTime(token.lastUsedAt)}</span>
            {token.revokedAt ? (
              <span class="muted small"> · revoked</span>
            ) : (
              <button
                type="button"
                class="button button--link"
                disabled={model.busy.value}
                onClick={() => {
                  // Irreversible, and whatever uses the token stops working at once: ask first.
                  const question = `Revoke the API token "${token.name}"? Anything that uses it gets 401 from now on. This cannot be undone.`;
                  if (window.confirm(question)) void model.revoke(token.id);
                }}
              >
                Revoke {token.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        class="admin-form"
        onSubmit={async (event) => {
          event.preventDefault();
          await model.create({ name: name.trim(), scopes });
          if (!model.error.value) setName("");
        }}
      >
        <label>
          Token name
          <input
            ref={nameInput}
            value={name}
            required
            maxLength={100}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {tokenScopes.map((scope) => (
            <label key={scope}>
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) =>
                  setScopes(e.currentTarget.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
                }
              />{" "}
              {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button" disabled={model.busy.value || !name.trim() || !scopes.length}>
          Create token
        </button>
      </form>
    </Section>
  );
}

/**
 * The new token, shown once: a Copy button takes the keyboard, so it is copied without selecting the text by mouse
 * (Create token, disabled again once its name field clears, dropped the focus to the page's start).
 */
function CreatedToken({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = useRef<HTMLButtonElement>(null);
  useEffect(() => copy.current?.focus(), []);
  return (
    <div class="notice" role="status">
      <p>
        Copy the token for <strong>{name}</strong> now; it is not shown again:
      </p>
      <code class="mono">{token}</code>{" "}
      <button
        ref={copy}
        type="button"
        class="button"
        onClick={() =>
          void (navigator.clipboard?.writeText(token) ?? Promise.reject()).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? "Copied" : "Copy token"}
      </button>{" "}
      <button type="button" class="button button--link" onClick={onDone}>
        Done
      </button>
      {copied === false && <p>Couldn't copy here: select the token and copy it with your keyboard.</p>}
    </div>
  );
}
