import { effect, signal } from "@preact/signals";
import {
  ESCALATION_PATHS,
  escalationSettingsSchema,
  matrixHistorySchema,
  matrixSchema,
  type EscalationSettings,
  type Matrix,
  type MatrixRule,
} from "../../../shared/index.js";
import { ApiError, isAbort, json } from "../api.js";
import { readTabDraft, saveTabDraft } from "../ui/tab-drafts.js";

const DRAFT_KEY = "matrix-rules";
type History = ReturnType<typeof matrixHistorySchema.parse>["versions"];
const asError = (caught: unknown) => (caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught)));

/** The matrix in force, its history, the admin's unsaved edits (draft) and the escalation thresholds. */
export function createMatrixModel() {
  const matrix = signal<Matrix | null>(null);
  const history = signal<History>([]);
  /**
   * The edited rule list; null while it equals the saved version. Kept for the tab, so leaving the screen (or an
   * expired session) does not throw the edits away; saving it over a newer version meets the conflict handling below.
   */
  const draft = signal<MatrixRule[] | null>(readTabDraft<MatrixRule[]>(DRAFT_KEY, Array.isArray));
  const settings = signal<EscalationSettings | null>(null);
  const error = signal<ApiError | null>(null);
  const settingsError = signal<ApiError | null>(null);
  const saving = signal(false);

  async function load(abort?: AbortSignal) {
    try {
      const [current, versions, thresholds] = await Promise.all([
        json(ESCALATION_PATHS.matrix, matrixSchema, { signal: abort }),
        json(ESCALATION_PATHS.matrixVersions, matrixHistorySchema, { signal: abort }),
        json(ESCALATION_PATHS.settings, escalationSettingsSchema, { signal: abort }),
      ]);
      matrix.value = current;
      history.value = versions.versions;
      settings.value = thresholds;
      return true;
    } catch (caught) {
      if (!isAbort(caught)) error.value = asError(caught);
      return false;
    }
  }

  const rules = () => draft.value ?? matrix.value?.rules ?? [];
  const edit = (next: MatrixRule[]) => (draft.value = next);
  effect(() => saveTabDraft(DRAFT_KEY, draft.value));

  async function save(next: unknown): Promise<boolean> {
    saving.value = true;
    error.value = null;
    try {
      matrix.value = await json(ESCALATION_PATHS.matrix, matrixSchema, {
        method: "PUT",
        body: { baseVersion: matrix.value?.version ?? 1, rules: next },
      });
      draft.value = null;
      await load();
      return true;
    } catch (caught) {
      const failed = asError(caught);
      if (failed.status !== 409) {
        error.value = failed;
        return false;
      }
      // Another admin saved meanwhile: show their version as the base and keep these edits, so saving again is
      // this admin's decision (before, every later save hit the same 409 and only a reload, losing the edits, helped).
      // The server's terse 409 is not shown first: it would flash "reload and apply your edit again" for a moment.
      const now = (await load()) ? matrix.value : null;
      error.value = now
        ? new ApiError(
            409,
            "conflict",
            `${now.createdBy?.name ?? "Someone"} saved version ${now.version} while you were editing. Your changes are still here: saving again replaces version ${now.version} with them; Discard starts from it.`,
            failed.requestId,
          )
        : failed;
      return false;
    } finally {
      saving.value = false;
    }
  }

  async function saveSettings(next: Record<string, number>): Promise<boolean> {
    settingsError.value = null;
    try {
      settings.value = await json(ESCALATION_PATHS.settings, escalationSettingsSchema, { method: "PUT", body: next });
      return true;
    } catch (caught) {
      settingsError.value = asError(caught);
      return false;
    }
  }

  return { matrix, history, draft, settings, error, settingsError, saving, load, rules, edit, save, saveSettings };
}
export type MatrixModel = ReturnType<typeof createMatrixModel>;
