import { useEffect, useRef, useState } from "preact/hooks";
import { agentRoles, type AgentListItem, type AgentRole } from "../../../shared/index.js";
import { loadAgents } from "../agents-directory.js";
import { loadQueues } from "../escalation/workspace-queues.js";
import type { AdminModel } from "./admin-model.js";

/**
 * Role, tier and skills of an agent who already exists: routing picks agents by tier and skill, so a lead moves
 * someone up a tier or onto a new queue here (before, only a new agent could be given them).
 */
export function AgentEditForm({
  agent,
  model,
  onDone,
}: {
  agent: AgentListItem;
  model: AdminModel;
  /** Called with what was saved (for the status line), or null when cancelled. */
  onDone: (saved: string | null) => void;
}) {
  const [role, setRole] = useState<AgentRole>(agent.role);
  const [tier, setTier] = useState(String(agent.tier));
  const [skills, setSkills] = useState(agent.skills.join(", "));
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const label = (what: string) => `${agent.name}'s ${what}`;

  async function save(event: Event) {
    event.preventDefault();
    const list = skills
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (!(await model.updateAgent(agent.id, { role, tier: Number(tier), skills: list }))) return;
    // Assignee pickers and the escalation form's queues read these: show the change without a reload.
    void loadAgents(true);
    void loadQueues(true);
    onDone(`${agent.name}: ${role}, tier ${tier}, ${list.length ? `skills ${list.join(", ")}` : "no skills"}.`);
  }

  return (
    <form
      class="admin-form"
      aria-label={`Edit ${agent.name}`}
      onSubmit={save}
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        onDone(null);
      }}
    >
      <select
        aria-label={label("role")}
        ref={first}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as AgentRole)}
      >
        {agentRoles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <select aria-label={label("tier")} value={tier} onChange={(e) => setTier(e.currentTarget.value)}>
        {["1", "2", "3"].map((t) => (
          <option key={t} value={t}>
            Tier {t}
          </option>
        ))}
      </select>
      <input
        aria-label={label("skills")}
        placeholder="Skills, comma-separated (billing, technical)"
        value={skills}
        onInput={(e) => setSkills(e.currentTarget.value)}
      />
      <button type="submit" class="button button--primary" disabled={model.busy.value}>
        Save
      </button>
      <button type="button" class="button button--ghost" onClick={() => onDone(null)}>
        Cancel
      </button>
    </form>
  );
}
