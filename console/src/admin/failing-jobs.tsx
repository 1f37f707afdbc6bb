import type { JobIssue } from "../../../shared/notifications-api.js";
import { RelativeTime } from "../ui/time.js";

const KINDS: Record<string, string> = {
  "email.customer": "Email to a customer",
  "email.agent": "Email to an agent",
  "email.admins": "Email to the admins",
  "slack.post": "Slack message",
  "webhooks.deliver": "Webhook delivery",
  "notifications.event": "Notification fan-out",
  "notifications.events": "Notification fan-out",
};

/**
 * What the server could not send (a wrong SMTP password, a Slack webhook that was revoked): without this an admin
 * learns of it from a customer who never got the reply.
 */
export function FailingJobs({ jobs }: { jobs: JobIssue[] }) {
  if (!jobs.length)
    return <p class="muted small">Nothing is failing: every email, Slack message and webhook went out.</p>;
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">State</th>
          <th scope="col">Last error</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id}>
            <td>{KINDS[job.name] ?? job.name}</td>
            <td>
              {job.state === "failed" ? (
                `Gave up after ${job.attempts} attempts`
              ) : (
                <>
                  Attempt {job.attempts} of {job.maxAttempts} failed; next <RelativeTime value={job.runAt} />
                </>
              )}
            </td>
            <td>
              <code class="small">{job.lastError ?? "—"}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
