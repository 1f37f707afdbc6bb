import { useMemo } from "preact/hooks";
import type { Agent } from "../../../shared/index.js";
import { logOut, signedIn } from "../session.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { createAccountModel } from "./account-model.js";
import { PasswordFields } from "./password-fields.js";

/**
 * Shown instead of the console while the agent's password is temporary (generated at first start, or set by an
 * admin): the server answers nothing else until they have chosen their own.
 */
export function FirstPasswordScreen({ agent }: { agent: Agent }) {
  useDocumentTitle("Choose your password");
  const model = useMemo(
    () => createAccountModel(agent.id, () => signedIn({ ...agent, mustChangePassword: false })),
    [agent.id],
  );
  const error = model.error.value;
  return (
    <main class="login">
      <form
        class="login__card"
        aria-labelledby="first-password-title"
        onSubmit={(event) => {
          event.preventDefault();
          void model.submit();
        }}
      >
        <h1 id="first-password-title" class="login__title">
          Choose your password
        </h1>
        <p class="muted">
          {agent.email}: the password you logged in with is temporary (someone else has seen it). Choose your own to
          open the console; your other sessions are logged out.
        </p>
        {error && (
          <ErrorNotice
            error={error}
            title="Password not changed"
            labels={{ currentPassword: "Temporary password", password: "New password" }}
          />
        )}
        <PasswordFields model={model} idPrefix="first-" username={agent.email} currentLabel="Temporary password" />
        <button type="submit" class="button button--primary button--block" disabled={model.saving.value}>
          {model.saving.value ? "Saving…" : "Set password and continue"}
        </button>
        <button type="button" class="button button--block" onClick={() => void logOut()}>
          Log out
        </button>
      </form>
    </main>
  );
}
