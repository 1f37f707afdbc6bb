import type { ApiError } from "../api.js";

interface ErrorNoticeProps {
  error: ApiError;
  /** What the agent was trying to do, e.g. "Couldn't load tickets". */
  title?: string;
  onRetry?: () => void;
  /** The form's own labels for the fields the server names (`{ currentPassword: "Temporary password" }`). */
  labels?: Readonly<Record<string, string>>;
}

/** Every failure shows the server's message and its requestId, so an agent can quote it to an admin. */
export function ErrorNotice({ error, title, onRetry, labels }: ErrorNoticeProps) {
  return (
    <div class="notice notice--error" role="alert">
      {title && <p class="notice__title">{title}</p>}
      <p class="notice__message">{error.message}</p>
      {error.issues.length > 0 && (
        <ul class="notice__issues">
          {error.issues.map((issue) => (
            <li key={issue.path}>
              {issue.path && labelOf(labels, issue.path) ? (
                <strong>{labelOf(labels, issue.path)}:</strong>
              ) : (
                issue.path && <code>{issue.path}</code>
              )}{" "}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {error.requestId && (
        <p class="notice__meta">
          Request ID: <code class="request-id">{error.requestId}</code>
        </p>
      )}
      {onRetry && (
        <button type="button" class="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The form's label for a path the server names, or for the list it is in ("attempted.0.action" -> "attempted"). */
function labelOf(labels: Readonly<Record<string, string>> | undefined, path: string): string | undefined {
  return labels?.[path] ?? labels?.[path.split(".")[0]!];
}
