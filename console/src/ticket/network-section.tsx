import type { NetworkFailure } from "../../../shared/index.js";
import type { ReplayModel } from "../replay/replay-model.js";
import { formatDuration } from "../ui/format.js";
import { Section } from "../ui/section.js";
import { EventTime } from "./event-time.js";

export function NetworkSection(props: { failures: NetworkFailure[]; reference: number | null; replay: ReplayModel }) {
  const { failures, reference, replay } = props;
  return (
    <Section id="failed-requests" title="Failed requests" count={failures.length} empty="No failed requests.">
      <div class="table-wrap">
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">URL</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {failures.map((failure, index) => (
              <tr key={`${failure.t}-${index}`}>
                <td class="nowrap">
                  <EventTime t={failure.t} reference={reference} replay={replay} label="request" />
                </td>
                <td class="mono">{failure.method.toUpperCase()}</td>
                <td>
                  <span class="url">{failure.url}</span>
                </td>
                <td class="nowrap">
                  {failure.status === 0 ? (
                    <span class="badge badge--error" title={failure.error}>
                      No response{failure.error ? `: ${failure.error}` : ""}
                    </span>
                  ) : (
                    <span class={`badge ${failure.status >= 500 ? "badge--error" : "badge--warn"}`}>
                      {failure.status}
                    </span>
                  )}
                </td>
                <td class="nowrap muted">{formatDuration(failure.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
