import { useEffect, useState } from "preact/hooks";
import { LIMITS, severities } from "../../../shared/index.js";
import { agentsDirectory, loadAgents } from "../agents-directory.js";
import { href, navigate } from "../router.js";
import { capitalize } from "../ui/format.js";
import { filterParams, type QueueFilters } from "./queue-filters.js";
import { focusResults } from "./queue-keys.js";

const KNOWN_QUEUES = ["billing", "technical", "account"];

/** Search and filters; every change is a new URL (shareable, back button works). */
export function FilterBar({ filters }: { filters: QueueFilters }) {
  const [text, setText] = useState(filters.q ?? "");
  useEffect(() => setText(filters.q ?? ""), [filters.q]);
  useEffect(() => void loadAgents(), []);
  const go = (changes: Partial<Record<keyof QueueFilters, string | undefined>>) =>
    navigate(href("", { ...filterParams(filters), ...changes }));
  const queues = [
    ...new Set([
      ...KNOWN_QUEUES,
      ...agentsDirectory.value.flatMap((a) => a.skills),
      ...(filters.queue ? [filters.queue] : []),
    ]),
  ];

  return (
    <search aria-label="Search and filter tickets">
      <form
        class="filter-bar"
        onSubmit={(event) => {
          event.preventDefault();
          const q = text.trim() || undefined;
          focusResults(q === filters.q);
          go({ q });
        }}
      >
        <input
          id="ticket-search"
          aria-keyshortcuts="/"
          class="filter-bar__search"
          type="search"
          maxLength={LIMITS.searchQuery}
          aria-label="Search tickets"
          placeholder="Search tickets, messages, customers or HO-123"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          Search
        </button>
        <Select label="Assignee" value={filters.assignee} onChange={(v) => go({ assignee: v })}>
          <option value="">Anyone</option>
          <option value="me">Mine</option>
          <option value="unassigned">Unassigned</option>
          {agentsDirectory.value.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
        <Select label="Queue" value={filters.queue} onChange={(v) => go({ queue: v })}>
          <option value="">All queues</option>
          {queues.map((q) => (
            <option key={q} value={q}>
              {capitalize(q)}
            </option>
          ))}
        </Select>
        <Select label="Tier" value={filters.tier?.toString()} onChange={(v) => go({ tier: v })}>
          <option value="">All tiers</option>
          {[1, 2, 3].map((tier) => (
            <option key={tier} value={String(tier)}>
              Tier {tier}
            </option>
          ))}
        </Select>
        <Select label="Severity" value={filters.severity} onChange={(v) => go({ severity: v })}>
          <option value="">Any severity</option>
          {severities.map((s) => (
            <option key={s} value={s}>
              {capitalize(s)}
            </option>
          ))}
        </Select>
        <input
          class="filter-bar__plan"
          type="text"
          aria-label="Customer plan"
          placeholder="Plan"
          defaultValue={filters.plan ?? ""}
          onChange={(e) => go({ plan: e.currentTarget.value.trim() || undefined })}
        />
        {Object.keys(filters).some((k) => k !== "status") && (
          <button
            type="button"
            class="button button--link"
            onClick={() => {
              navigate(href("", { status: filters.status }));
              // This button goes away with the filters: focus would fall to the page's start.
              document.getElementById("ticket-search")?.focus();
            }}
          >
            Clear filters
          </button>
        )}
      </form>
    </search>
  );
}

function Select(props: {
  label: string;
  value: string | undefined;
  onChange(value: string | undefined): void;
  children: preact.ComponentChildren;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ""}
      onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
    >
      {props.children}
    </select>
  );
}
