import type { createAccountModel } from "./account-model.js";

/** The current and the new password, as the account screen and the first-password screen both ask for them. */
export function PasswordFields({
  model,
  idPrefix,
  currentLabel,
  username,
}: {
  model: Pick<ReturnType<typeof createAccountModel>, "current" | "next">;
  idPrefix: string;
  currentLabel: string;
  /** The agent's email: a password manager saves the new password for this account only if the form names it. */
  username: string;
}) {
  return (
    <>
      <input type="email" name="username" autoComplete="username" value={username} readOnly hidden />
      <div class="field">
        <label for={`${idPrefix}current-password`}>{currentLabel}</label>
        <input
          id={`${idPrefix}current-password`}
          type="password"
          autoComplete="current-password"
          required
          value={model.current.value}
          onInput={(e) => {
            model.current.value = e.currentTarget.value;
          }}
        />
      </div>
      <div class="field">
        <label for={`${idPrefix}new-password`}>New password</label>
        <input
          id={`${idPrefix}new-password`}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          aria-describedby={`${idPrefix}new-password-hint`}
          value={model.next.value}
          onInput={(e) => {
            model.next.value = e.currentTarget.value;
          }}
        />
        <p id={`${idPrefix}new-password-hint`} class="muted small">
          At least 10 characters.
        </p>
      </div>
    </>
  );
}
