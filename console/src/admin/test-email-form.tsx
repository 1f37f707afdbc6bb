import { useState } from "preact/hooks";
import type { NotificationsModel } from "./notifications-model.js";

/** Sends one email now and shows what the SMTP server said: accepted, or its error in words and verbatim. */
export function TestEmailForm({ model }: { model: NotificationsModel }) {
  const [to, setTo] = useState("");
  const result = model.testEmail.value;
  return (
    <form
      class="admin-form"
      aria-label="Test email"
      onSubmit={(event) => {
        event.preventDefault();
        void model.sendTestEmail(to.trim());
      }}
    >
      <label for="test-email-to">Send a test email to</label>
      <input
        id="test-email-to"
        type="email"
        placeholder="my own address"
        value={to}
        onInput={(e) => setTo(e.currentTarget.value)}
      />
      <button type="submit" class="button" disabled={model.testEmailSending.value}>
        {model.testEmailSending.value ? "Sending…" : "Send test email"}
      </button>
      <div role="status" aria-live="polite">
        {result && (
          <div class={`notice ${result.ok ? "notice--info" : "notice--error"}`}>
            <p class="notice__title">{result.ok ? "Test email sent" : "Test email failed"}</p>
            <p class="notice__message">{result.message}</p>
            {result.smtpResponse && (
              <p>
                SMTP server's reply: <code>{result.smtpResponse}</code> ({result.ms} ms)
              </p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
