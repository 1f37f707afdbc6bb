import { useEffect, useState } from "preact/hooks";
import {
  type SlackEventType,
  type SlackQueueChannelInput,
  slackEventTypes,
} from "../../../shared/notifications-api.js";
import { loadQueues, workspaceQueues } from "../escalation/workspace-queues.js";
import type { NotificationsModel } from "./notifications-model.js";

const EVENT_LABELS: Record<SlackEventType, string> = {
  "ticket.escalated": "Escalations",
  "ticket.critical": "Critical tickets",
  "ticket.ping_pong": "Ping-pong flags",
};

function EventPicker(props: { legend: string; value: SlackEventType[]; onChange: (next: SlackEventType[]) => void }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {slackEventTypes.map((type) => (
        <label key={type}>
          <input
            type="checkbox"
            checked={props.value.includes(type)}
            onChange={(e) =>
              props.onChange(e.currentTarget.checked ? [...props.value, type] : props.value.filter((t) => t !== type))
            }
          />{" "}
          {EVENT_LABELS[type]}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Slack: the workspace channel hears every queue; a queue's own channel hears only that queue's tickets (the queue a
 * ticket is in when the news happens, e.g. the one it was escalated to).
 */
export function SlackSettings({ model }: { model: NotificationsModel }) {
  const slack = model.settings.value?.slack;
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<SlackEventType[]>([]);
  const [queues, setQueues] = useState<SlackQueueChannelInput[]>([]);
  const [saved, setSaved] = useState("");
  useEffect(() => void loadQueues(), []);
  useEffect(() => {
    setUrl(slack?.webhookUrl ?? "");
    setEvents(slack?.events ?? []);
    setQueues(slack?.queues ?? []);
  }, [slack]);
  const update = (i: number, change: Partial<SlackQueueChannelInput>) =>
    setQueues(queues.map((q, j) => (j === i ? { ...q, ...change } : q)));

  return (
    <form
      class="admin-form admin-form--stacked"
      aria-label="Slack"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved("");
        const cleaned = queues.map((q) => ({ ...q, queue: q.queue.trim(), webhookUrl: q.webhookUrl.trim() }));
        const result = await model.saveSlack(url.trim() || null, events, cleaned);
        if (result)
          setSaved(`Slack saved: ${result.queues.length} queue channel${result.queues.length === 1 ? "" : "s"}.`);
      }}
    >
      <label for="slack-url">Incoming webhook URL</label>
      <input
        id="slack-url"
        type="url"
        placeholder="https://hooks.slack.com/services/…"
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      <EventPicker legend="Post" value={events} onChange={setEvents} />

      <h4 class="admin-form__title">Queue channels</h4>
      <p class="muted small">
        A queue's own channel hears only its tickets; the channel above keeps hearing every queue.
      </p>
      <datalist id="slack-queue-names">
        {workspaceQueues.value.map((q) => (
          <option key={q.name} value={q.name} />
        ))}
      </datalist>
      {queues.map((q, i) => (
        <fieldset class="card" key={i}>
          <legend>Queue channel {i + 1}</legend>
          <label for={`slack-queue-${i}`}>Queue</label>
          <input
            id={`slack-queue-${i}`}
            list="slack-queue-names"
            required
            value={q.queue}
            onInput={(e) => update(i, { queue: e.currentTarget.value })}
          />
          <label for={`slack-queue-url-${i}`}>Webhook URL for this queue</label>
          <input
            id={`slack-queue-url-${i}`}
            type="url"
            required
            placeholder="https://hooks.slack.com/services/…"
            value={q.webhookUrl}
            onInput={(e) => update(i, { webhookUrl: e.currentTarget.value })}
          />
          <EventPicker
            legend="Post"
            value={q.events as SlackEventType[]}
            onChange={(next) => update(i, { events: next })}
          />
          <button type="button" class="button button--link" onClick={() => setQueues(queues.filter((_, j) => j !== i))}>
            Remove queue channel
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        class="button"
        onClick={() => setQueues([...queues, { queue: "", webhookUrl: "", events: ["ticket.escalated"] }])}
      >
        Add queue channel
      </button>
      <button type="submit" class="button" disabled={model.busy.value}>
        Save Slack
      </button>
      <p class="muted small" role="status">
        {saved}
      </p>
    </form>
  );
}
