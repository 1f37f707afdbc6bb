import { useState } from "preact/hooks";
import { agentRoles, type AgentListItem, type AgentRole } from "../../../shared/index.js";
import { session } from "../session.js";
import { Section } from "../ui/section.js";
import type { AdminModel } from "./admin-model.js";
import { AgentEditForm } from "./agent-edit-form.js";

/** The workspace's agents: role, tier, skills and status (each editable), and a form to add one. */
export function AgentsSection({ model }: { model: AdminModel }) {
  const me = session.value.kind === "signed-in" ? session.value.agent.id : null;
  const [done, setDone] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const finishEdit = (id: string, saved: string | null) => {
    setEditing(null);
    if (saved) setDone(`Saved. ${saved}`);
    // Cancelled after a refusal ("You are the only admin…"): its notice went with the edit, not stays over the page.
    else model.actionError.value = null;
    // Back to the button that opened the form, for the keyboard.
    requestAnimationFrame(() => document.getElementById(`edit-agent-${id}`)?.focus());
  };
  const toggle = async (agent: AgentListItem) => {
    setDone("");
    const open = agent.openTickets;
    const tickets = `${open} open ticket${open === 1 ? "" : "s"}`;
    // Their tickets move as soon as the change is saved: say so before, not after.
    if (
      agent.active &&
      open > 0 &&
      !window.confirm(
        `Deactivate ${agent.name}? Their ${tickets} ${open === 1 ? "goes" : "go"} back to routing: to another agent with the skill at the ticket's tier, or unassigned in its queue.`,
      )
    )
      return;
    if (await model.updateAgent(agent.id, { active: !agent.active }))
      setDone(
        agent.active
          ? `${agent.name} is deactivated${open > 0 ? "; their open tickets went back to routing" : ""}.`
          : `${agent.name} is active again.`,
      );
  };
  return (
    <Section id="agents" title="Agents" count={model.agents.value.length}>
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <div class="table-wrap">
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Tier</th>
              <th scope="col">Skills</th>
              <th scope="col">Open tickets</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {model.agents.value.map((agent) => [
              <tr key={agent.id} class={agent.active ? undefined : "muted"}>
                <td>{agent.name}</td>
                <td>{agent.email}</td>
                <td>{agent.role}</td>
                <td>{agent.tier}</td>
                <td>{agent.skills.join(", ") || <span class="muted">—</span>}</td>
                <td>{agent.openTickets}</td>
                <td>
                  <button
                    type="button"
                    id={`edit-agent-${agent.id}`}
                    class="button button--link"
                    aria-expanded={editing === agent.id}
                    onClick={() => setEditing(editing === agent.id ? null : agent.id)}
                  >
                    Edit {agent.name}
                  </button>{" "}
                  {agent.id === me ? (
                    "(you)"
                  ) : (
                    <button
                      type="button"
                      class="button button--link"
                      disabled={model.busy.value}
                      onClick={() => void toggle(agent)}
                    >
                      {agent.active ? `Deactivate ${agent.name}` : `Reactivate ${agent.name}`}
                    </button>
                  )}
                </td>
              </tr>,
              editing === agent.id && (
                <tr key={`${agent.id}-edit`}>
                  <td colSpan={7}>
                    <AgentEditForm agent={agent} model={model} onDone={(saved) => finishEdit(agent.id, saved)} />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
      </div>
      <NewAgentForm model={model} />
    </Section>
  );
}

function NewAgentForm({ model }: { model: AdminModel }) {
  const empty = { email: "", name: "", password: "", role: "agent" as AgentRole, tier: "1", skills: "" };
  const [form, setForm] = useState(empty);
  // The email is an agent's already: most often someone deactivated, whom the admin means to bring back.
  const [taken, setTaken] = useState<AgentListItem | null>(null);
  const field = (key: keyof typeof empty) => ({
    value: form[key],
    onInput: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }),
  });
  return (
    <form
      class="admin-form"
      aria-label="Add an agent"
      onSubmit={async (event) => {
        event.preventDefault();
        const email = form.email.trim().toLowerCase();
        const existing = model.agents.value.find((a) => a.email.toLowerCase() === email) ?? null;
        setTaken(existing);
        if (existing) return;
        const sent = form;
        const ok = await model.createAgent({
          email: form.email.trim(),
          name: form.name.trim(),
          password: form.password,
          // The admin passes it on (and so knows it): the agent replaces it at first login.
          temporaryPassword: true,
          role: form.role,
          tier: Number(form.tier),
          skills: form.skills
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        });
        // Only what was sent is cleared: the admin may have started typing the next agent while it saved.
        if (ok) setForm((current) => (current === sent ? empty : current));
      }}
    >
      <h3 class="admin-form__title">Add an agent</h3>
      <input aria-label="New agent's name" placeholder="Name" required {...field("name")} />
      <input aria-label="New agent's email" placeholder="Email" type="email" required {...field("email")} />
      <input
        aria-label="New agent's password"
        placeholder="Temporary password (10+ characters)"
        title="They choose their own password when they first log in"
        type="password"
        required
        {...field("password")}
      />
      <select
        aria-label="New agent's role"
        value={form.role}
        onChange={(e) => setForm({ ...form, role: e.currentTarget.value as AgentRole })}
      >
        {agentRoles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <select
        aria-label="New agent's tier"
        value={form.tier}
        onChange={(e) => setForm({ ...form, tier: e.currentTarget.value })}
      >
        {["1", "2", "3"].map((t) => (
          <option key={t} value={t}>
            Tier {t}
          </option>
        ))}
      </select>
      <input
        aria-label="New agent's skills"
        placeholder="Skills, comma-separated (billing, technical)"
        {...field("skills")}
      />
      <button type="submit" class="button button--primary" disabled={model.busy.value}>
        Add agent
      </button>
      {taken && (
        <EmailTaken
          agent={taken}
          model={model}
          onReactivated={() => {
            setTaken(null);
            setForm(empty);
          }}
        />
      )}
    </form>
  );
}

/** An agent with the typed email exists: say who, and offer what the admin most likely wants instead. */
function EmailTaken({
  agent,
  model,
  onReactivated,
}: {
  agent: AgentListItem;
  model: AdminModel;
  onReactivated: () => void;
}) {
  if (agent.active)
    return (
      <p class="notice notice--error" role="alert">
        {agent.email} is already {agent.name}'s account ({agent.role}, tier {agent.tier}): change their tier or skills
        with Edit {agent.name} above, or add the new agent with another email.
      </p>
    );
  return (
    <p class="notice notice--error" role="alert">
      {agent.email} is {agent.name}'s account, deactivated. Reactivate them to bring them back with their role, tier and
      skills; they log in with their old password.{" "}
      <button
        type="button"
        class="button"
        disabled={model.busy.value}
        onClick={async () => {
          if (await model.updateAgent(agent.id, { active: true })) onReactivated();
        }}
      >
        Reactivate {agent.name}
      </button>
    </p>
  );
}
