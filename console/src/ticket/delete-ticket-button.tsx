import { useState } from "preact/hooks";
import { send, ApiError } from "../api.js";
import { navigate, href } from "../router.js";
import { session } from "../session.js";
import { ErrorNotice } from "../ui/error-notice.js";

/** Admins delete a ticket for good (its messages, recording and files); asks once more before doing it. */
export function DeleteTicketButton({ ticketId }: { ticketId: string }) {
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const isAdmin = session.value.kind === "signed-in" && session.value.agent.role === "admin";
  if (!isAdmin) return null;
  return (
    <span class="delete-ticket">
      {armed ? (
        <button
          type="button"
          class="button button--danger"
          onClick={async () => {
            try {
              await send(`/api/v1/tickets/${encodeURIComponent(ticketId)}`, { method: "DELETE" });
              navigate(href(""));
            } catch (caught) {
              setError(caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught)));
            }
          }}
        >
          Delete for good
        </button>
      ) : (
        <button type="button" class="button" onClick={() => setArmed(true)}>
          Delete ticket
        </button>
      )}
      {error && <ErrorNotice error={error} title="Not deleted" />}
    </span>
  );
}
