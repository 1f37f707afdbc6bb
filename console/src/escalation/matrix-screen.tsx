import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError } from "../api.js";
import { session } from "../session.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { RelativeTime } from "../ui/time.js";
import { useDocumentTitle } from "../ui/use-title.js";
import { EscalationSettingsSection } from "./escalation-settings-section.js";
import { createMatrixModel, type MatrixModel } from "./matrix-model.js";
import { RuleList } from "./rule-list.js";
import { loadQueues } from "./workspace-queues.js";

/**
 * The escalation matrix: ordered rules (conditions -> actions) shown in words and edited through a form (JSON as an
 * advanced option), validated by the server's schema; each save is a new version recorded with its author.
 * Below it, the workspace's escalation thresholds.
 */
export function MatrixScreen() {
  useDocumentTitle("Escalation matrix");
  const model = useMemo(createMatrixModel, []);
  useEffect(() => {
    const controller = new AbortController();
    void model.load(controller.signal);
    void loadQueues();
    return () => controller.abort();
  }, [model]);
  const matrix = model.matrix.value;
  const state = session.value;
  const isAdmin = state.kind === "signed-in" && state.agent.role === "admin";
  const dirty = model.draft.value !== null;

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenHeading id="screen-title">Escalation matrix</ScreenHeading>
      {matrix && (
        <p class="muted">
          Version {matrix.version}
          {matrix.createdBy ? ` by ${matrix.createdBy.name}` : " (shipped defaults)"}. Rules run in order; the first
          rule to set severity, queue or priority wins, tiers only rise. Rules on customer replies or time without agent
          activity are checked again while the ticket is open.
        </p>
      )}
      {model.error.value && <ErrorNotice error={model.error.value} title="Couldn't save the matrix" />}
      {matrix && <RuleList model={model} isAdmin={isAdmin} />}
      {isAdmin ? (
        <p>
          <button
            type="button"
            class="button button--primary"
            disabled={model.saving.value || !dirty}
            onClick={() => void model.save(model.rules())}
          >
            Save as a new version
          </button>{" "}
          {dirty && (
            <>
              <span role="status">Unsaved changes.</span>{" "}
              <button type="button" class="button button--ghost" onClick={() => (model.draft.value = null)}>
                Discard
              </button>
            </>
          )}
        </p>
      ) : (
        <p class="muted">Only admins can change the matrix.</p>
      )}
      {matrix && isAdmin && <JsonEditor model={model} />}
      <EscalationSettingsSection model={model} isAdmin={isAdmin} />
      <h2>History</h2>
      <ul>
        {model.history.value.map((v) => (
          <li key={v.version}>
            Version {v.version}: {v.ruleCount} rules, {v.createdBy?.name ?? "shipped defaults"},{" "}
            <RelativeTime value={v.createdAt} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Advanced: the whole rule list as JSON, for bulk edits and copying between workspaces. */
function JsonEditor({ model }: { model: MatrixModel }) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? JSON.stringify(model.rules(), null, 2);
  async function save() {
    if (text === null) return;
    let rules: unknown;
    try {
      rules = JSON.parse(text);
    } catch (caught) {
      model.error.value = new ApiError(0, "bad_request", `The rules are not valid JSON: ${(caught as Error).message}`);
      return;
    }
    if (await model.save(rules)) setText(null);
  }
  return (
    <details class="card">
      <summary>Advanced: edit as JSON</summary>
      <div class="field">
        <label for="matrix-rules">Rules (JSON)</label>
        <textarea
          id="matrix-rules"
          class="mono"
          rows={24}
          value={shown}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <button
        type="button"
        class="button button--primary"
        disabled={model.saving.value || text === null}
        onClick={() => void save()}
      >
        Save JSON as a new version
      </button>
    </details>
  );
}
