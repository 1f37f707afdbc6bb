import { useLayoutEffect, useState } from "preact/hooks";
import type { MatrixRule } from "../../../shared/index.js";
import type { MatrixModel } from "./matrix-model.js";
import { RuleForm } from "./rule-form.js";
import { describeActions, describeConditions } from "./rule-text.js";

/**
 * The matrix as a readable, ordered list: what each rule looks at and what it does. Admins add, edit, delete and
 * reorder rules here; the changes form a draft until saved as a new version.
 */
export function RuleList({ model, isAdmin }: { model: MatrixModel; isAdmin: boolean }) {
  const rules = model.rules();
  // The rule being edited, by id (unique in a matrix): moving or deleting another rule meanwhile shifts the indexes,
  // and must not swap the open form for another rule's, dropping what was typed.
  const [editing, setEditing] = useState<{ id: string } | "new" | null>(null);
  const isEditing = (rule: MatrixRule) => editing !== null && editing !== "new" && editing.id === rule.id;
  // The rule just moved: the keyed re-order moves its <li>, which takes focus off its button (keyboard users were
  // dropped at the page's start). Focus follows it: the same arrow, or the other one once it reaches an end.
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1 } | null>(null);
  // Layout effect: right after the re-order, before a next key press could land on the page's start.
  useLayoutEffect(() => {
    if (!moved) return;
    setMoved(null);
    const item = [...document.querySelectorAll<HTMLElement>(".rule-list > li")].find(
      (li) => li.dataset.ruleId === moved.id,
    );
    const [up, down] = [...(item?.querySelectorAll<HTMLButtonElement>("button[data-move]") ?? [])];
    const same = moved.by < 0 ? up : down;
    (same && !same.disabled ? same : moved.by < 0 ? down : up)?.focus();
  }, [moved]);
  const move = (index: number, by: -1 | 1) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    model.edit(next);
    setMoved({ id: rule!.id, by });
  };
  const save = (rule: MatrixRule) => {
    if (editing === "new") model.edit([...rules, uniqueId(rule, rules)]);
    else if (editing !== null) model.edit(rules.map((r) => (r.id === editing.id ? rule : r)));
    setEditing(null);
  };

  return (
    <>
      <ol class="rule-list">
        {rules.map((rule, index) => (
          <li
            key={rule.id}
            data-rule-id={rule.id}
            class={`card rule${rule.enabled ? "" : " rule--disabled"}`}
            aria-label={rule.name}
          >
            {isEditing(rule) ? (
              <RuleForm rule={rule} onSave={save} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <h3 class="rule__name">
                  {rule.name}
                  {!rule.enabled && <span class="muted"> (disabled)</span>}
                </h3>
                <p class="rule__when">
                  <strong>When</strong> {describeConditions(rule.when).join(" and ")}
                </p>
                <p class="rule__then">
                  <strong>Then</strong> {describeActions(rule.then).join(", ")}
                </p>
                {isAdmin && (
                  <p class="rule__actions">
                    <button
                      type="button"
                      class="button button--small"
                      disabled={index === 0}
                      data-move="up"
                      onClick={() => move(index, -1)}
                      aria-label={`Move ${rule.name} up`}
                    >
                      ↑
                    </button>{" "}
                    <button
                      type="button"
                      class="button button--small"
                      disabled={index === rules.length - 1}
                      data-move="down"
                      onClick={() => move(index, 1)}
                      aria-label={`Move ${rule.name} down`}
                    >
                      ↓
                    </button>{" "}
                    <button type="button" class="button button--small" onClick={() => setEditing({ id: rule.id })}>
                      Edit
                    </button>{" "}
                    <button
                      type="button"
                      class="button button--small button--ghost"
                      onClick={() => model.edit(rules.filter((_, i) => i !== index))}
                    >
                      Delete
                    </button>
                  </p>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {isAdmin && editing === "new" && <RuleForm rule={null} onSave={save} onCancel={() => setEditing(null)} />}
      {isAdmin && editing === null && (
        <button type="button" class="button" onClick={() => setEditing("new")}>
          Add a rule
        </button>
      )}
    </>
  );
}

/** New rules get their id from the name; a clash gets a number. */
function uniqueId(rule: MatrixRule, rules: MatrixRule[]): MatrixRule {
  const taken = new Set(rules.map((r) => r.id));
  let id = rule.id;
  for (let n = 2; taken.has(id); n++) id = `${rule.id.slice(0, 56)}-${n}`;
  return { ...rule, id };
}
