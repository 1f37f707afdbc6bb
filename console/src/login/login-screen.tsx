import { useEffect, useMemo, useRef } from "preact/hooks";
import { ErrorNotice } from "../ui/error-notice.js";
import { createLoginModel } from "./login-model.js";

export function LoginScreen({ reason, email }: { reason?: "expired" | "logged-out"; email?: string }) {
  const model = useMemo(() => createLoginModel(email), [email]);
  const emailField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  // The keyboard starts in the first field to fill: the password when the session ended (the email is kept), else
  // the email. The field the agent was typing in (a reply) is gone with the screen, and focus would be on the page.
  useEffect(() => {
    (email ? passwordField : emailField).current?.focus();
  }, [email]);
  const error = model.error.value;
  const wrongCredentials = error?.status === 401;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void model.submit();
  };

  return (
    <main class="login">
      <form class="login__card" onSubmit={onSubmit} aria-labelledby="login-title">
        <div class="brand brand--large">
          <span class="brand__mark" aria-hidden="true">
            H
          </span>{" "}
          Handoff
        </div>
        <h1 id="login-title" class="login__title">
          Log in to the agent console
        </h1>
        {reason === "expired" && !error && (
          <p class="notice notice--info" role="status">
            Your session has ended. Log in again to continue.
          </p>
        )}
        {reason === "logged-out" && !error && (
          <p class="notice notice--info" role="status">
            You are logged out.
          </p>
        )}
        {wrongCredentials && (
          <div class="notice notice--error" role="alert">
            <p class="notice__message">Wrong email or password.</p>
            {error.requestId && (
              <p class="notice__meta">
                Request ID: <code class="request-id">{error.requestId}</code>
              </p>
            )}
          </div>
        )}
        {error && !wrongCredentials && <ErrorNotice error={error} title="Couldn't log in" />}
        <div class="field">
          <label for="login-email">Email</label>
          <input
            id="login-email"
            ref={emailField}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={model.email.value}
            onInput={(e) => (model.email.value = e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="login-password">Password</label>
          <input
            id="login-password"
            ref={passwordField}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={model.password.value}
            onInput={(e) => (model.password.value = e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button--primary button--block" disabled={model.submitting.value}>
          {model.submitting.value ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}
