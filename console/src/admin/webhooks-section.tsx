import { useState } from "preact/hooks";
import { type WebhookEventType, webhookEventTypes } from "../../../shared/notifications-api.js";
import { Section } from "../ui/section.js";
import type { NotificationsModel } from "./notifications-model.js";

/** Endpoints with their events, the secret shown once, a test event, the delivery log and redelivery. */
export function WebhooksSection({ model }: { model: NotificationsModel }) {
  const endpoints = model.endpoints.value;
  return (
    <Section id="webhooks" title="Webhooks" count={endpoints.length}>
      {endpoints.length === 0 && <p class="muted">No endpoints yet.</p>}
      <ul class="webhook-endpoints">
        {endpoints.map((endpoint) => (
          <li key={endpoint.id}>
            <code>{endpoint.url}</code> {endpoint.description && <span>{endpoint.description}</span>}{" "}
            <span class="muted small">{endpoint.events.join(", ")}</span>
            {!endpoint.enabled && (
              <span class="muted small"> disabled{endpoint.disabledReason ? `: ${endpoint.disabledReason}` : ""}</span>
            )}
            <div>
              <button
                type="button"
                class="button"
                disabled={model.busy.value}
                onClick={() => void model.sendTest(endpoint.id)}
              >
                Send test event
              </button>{" "}
              <button type="button" class="button button--link" onClick={() => void model.openLog(endpoint.id)}>
                Delivery log
              </button>{" "}
              <button
                type="button"
                class="button button--link"
                onClick={() => void model.setEnabled(endpoint.id, !endpoint.enabled)}
              >
                {endpoint.enabled ? "Disable" : "Enable"}
              </button>{" "}
              <button type="button" class="button button--link" onClick={() => void model.rotateSecret(endpoint.id)}>
                Rotate secret
              </button>{" "}
              <button
                type="button"
                class="button button--link"
                onClick={() => window.confirm(`Delete ${endpoint.url}?`) && void model.remove(endpoint.id)}
              >
                Delete
              </button>
            </div>
            {model.newSecret.value?.endpointId === endpoint.id && (
              <p role="status">
                Signing secret (shown once): <code class="webhook-secret">{model.newSecret.value.secret}</code>
              </p>
            )}
            {model.openEndpointId.value === endpoint.id && <DeliveryLog model={model} endpointId={endpoint.id} />}
          </li>
        ))}
      </ul>
      <AddEndpointForm model={model} />
    </Section>
  );
}

function DeliveryLog({ model, endpointId }: { model: NotificationsModel; endpointId: string }) {
  const rows = model.deliveries.value;
  if (rows.length === 0) return <p class="muted small">No deliveries yet.</p>;
  return (
    <table class="table table--compact" aria-label="Delivery log">
      <thead>
        <tr>
          <th>Event</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Response</th>
          <th>Latency</th>
          <th>When</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id}>
            <td>{d.eventType}</td>
            <td class={`delivery-status delivery-status--${d.status}`}>{d.status}</td>
            <td>{d.attempts}</td>
            <td title={d.responseExcerpt ?? d.lastError ?? ""}>{d.responseStatus ?? d.lastError ?? "–"}</td>
            <td>{d.latencyMs === null ? "–" : `${d.latencyMs} ms`}</td>
            <td>{new Date(d.deliveredAt ?? d.createdAt).toLocaleString()}</td>
            <td>
              <button
                type="button"
                class="button button--link"
                disabled={model.busy.value || d.status === "pending"}
                onClick={() => void model.redeliver(endpointId, d.id)}
              >
                Redeliver
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddEndpointForm({ model }: { model: NotificationsModel }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>(["ticket.created", "ticket.escalated"]);
  return (
    <form
      class="admin-form admin-form--stacked"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await model.addEndpoint(url.trim(), events, description.trim())) {
          setUrl("");
          setDescription("");
        }
      }}
    >
      <h3 class="admin-form__title">Add endpoint</h3>
      <label for="webhook-url">Endpoint URL</label>
      <input id="webhook-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      <label for="webhook-description">Description</label>
      <input id="webhook-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      <fieldset>
        <legend>Events</legend>
        {webhookEventTypes.map((type) => (
          <label key={type}>
            <input
              type="checkbox"
              checked={events.includes(type)}
              onChange={(e) =>
                setEvents(e.currentTarget.checked ? [...events, type] : events.filter((t) => t !== type))
              }
            />{" "}
            {type}
          </label>
        ))}
      </fieldset>
      <button type="submit" class="button" disabled={model.busy.value || events.length === 0}>
        Add endpoint
      </button>
    </form>
  );
}
