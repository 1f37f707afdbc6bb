import { signal } from "@preact/signals";
import { useEffect, useMemo, useState } from "preact/hooks";
import { ESCALATION_PATHS, matrixHistorySchema, matrixSchema, type Matrix } from "../../../shared/index.js";
import { ApiError, isAbort, json } from "../api.js";
import { session } from "../session.js";
import { ErrorNotice } from "../ui/error-notice.js";
import { ScreenHeading } from "../ui/screen-heading.js";
import { RelativeTime } from "../ui/time.js";
import { useDocumentTitle } from "../ui/use-title.js";

type History = ReturnType<typeof matrixHistorySchema.parse>["versions"];

function createMatrixModel() {
  const matrix = signal<Matrix | null>(null);
  const history = signal<History>([]);
  const error = signal<ApiError | null>(null);
  const saving = signal(false);
  const asError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught)));
  async function load(abort?: AbortSignal) {
    try {
      const [current, versions] = await Promise.all([
        json(ESCALATION_PATHS.matrix, matrixSchema, { signal: abort }),
        json(ESCALATION_PATHS.matrixVersions, matrixHistorySchema, { signal: abort }),
      ]);
      matrix.value = current;
      history.value = versions.versions;
    } catch (caught) {
      if (!isAbort(caught)) error.value = asError(caught);
    }
  }
  async function save(rulesText: string): Promise<boolean> {
    let rules: unknown;
    try {
      rules = JSON.parse(rulesText);
    } catch (caught) {
      error.value = new ApiError(0, "bad_request", `The rules are not valid JSON: ${(caught as Error).message}`);
      return false;
    }
    saving.value = true;
    error.value = null;
    try {
      matrix.value = await json(ESCALATION_PATHS.matrix, matrixSchema, { method: "PUT", body: { baseVersion: matrix.value?.version ?? 1, rules } });
      await load();
      return true;
    } catch (caught) {
      error.value = asError(caught);
      return false;
    } finally {
      saving.value = false;
    }
  }
  return { matrix, history, error, saving, load, save };
}

/**
 * The escalation matrix: ordered rules (conditions -> actions), edited as JSON and validated by the server's
 * schema; each save is a new version recorded with its author.
 */
export function MatrixScreen() {
  useDocumentTitle("Escalation matrix");
  const model = useMemo(createMatrixModel, []);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void model.load(controller.signal);
    return () => controller.abort();
  }, [model]);
  const matrix = model.matrix.value;
  const state = session.value;
  const isAdmin = state.kind === "signed-in" && state.agent.role === "admin";
  const shown = text ?? (matrix ? JSON.stringify(matrix.rules, null, 2) : "");

  return (
    <section class="screen" aria-labelledby="screen-title">
      <ScreenHeading id="screen-title">Escalation matrix</ScreenHeading>
      {matrix && (
        <p class="muted">
          Version {matrix.version}
          {matrix.createdBy ? ` by ${matrix.createdBy.name}` : " (shipped defaults)"}. Rules run in order; the first rule to
          set severity, queue or priority wins, tiers only rise. Conditions: severityIn, verifiedPlanIn, keywordsAny,
          failedRequest, consoleErrorContainsAny, rageClicks, pageUrlPatterns, customerRepliesAtLeast,
          minutesInTierWithoutAgentActivity.
        </p>
      )}
      {model.error.value && <ErrorNotice error={model.error.value} title="Couldn't save the matrix" />}
      <div class="field">
        <label for="matrix-rules">Rules (JSON)</label>
        <textarea id="matrix-rules" class="mono" rows={24} readOnly={!isAdmin} value={shown} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      {isAdmin ? (
        <button
          type="button"
          class="button button--primary"
          disabled={model.saving.value || text === null}
          onClick={async () => {
            if (text !== null && (await model.save(text))) setText(null);
          }}
        >
          Save as a new version
        </button>
      ) : (
        <p class="muted">Only admins can change the matrix.</p>
      )}
      <h2>History</h2>
      <ul>
        {model.history.value.map((v) => (
          <li key={v.version}>
            Version {v.version}: {v.ruleCount} rules, {v.createdBy?.name ?? "shipped defaults"}, <RelativeTime value={v.createdAt} />
          </li>
        ))}
      </ul>
    </section>
  );
}
