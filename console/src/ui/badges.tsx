import type { JSX } from "preact";
import type { Severity, TicketFlags, TicketStatus } from "../../../shared/index.js";
import { capitalize } from "./format.js";

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <span class={`badge badge--status badge--${status}`}>{capitalize(status)}</span>;
}

export function SeverityBadge({ severity }: { severity: Severity | null }) {
  if (!severity) return <span class="muted">Not triaged</span>;
  return (
    <span class={`badge badge--severity badge--${severity}`}>
      <span class="severity-dot" aria-hidden="true" />
      {capitalize(severity)}
    </span>
  );
}

export function VerifiedBadge({ verified }: { verified: boolean }) {
  if (!verified) return null;
  return (
    <span class="badge badge--verified" title="Signed by the customer's app (identify() jwt)">
      <Icon name="check" /> Verified
    </span>
  );
}

type FlagKey = keyof TicketFlags;
const FLAGS: { key: FlagKey; icon: IconName; label: string; short: string }[] = [
  { key: "hasRecording", icon: "play", label: "Has a session recording", short: "Replay" },
  { key: "rageClicks", icon: "bolt", label: "Rage clicks", short: "Rage" },
  { key: "failedRequests", icon: "network", label: "Failed requests", short: "HTTP" },
  { key: "consoleErrors", icon: "bug", label: "Console errors", short: "Errors" },
  { key: "verifiedCustomer", icon: "check", label: "Verified customer", short: "Verified" },
  { key: "escalationSuggested", icon: "bolt", label: "Escalation suggested", short: "Escalate?" },
  { key: "pingPong", icon: "network", label: "Ping-pong: keeps changing hands", short: "Ping-pong" },
];

/** The context a ticket carries, at a glance; each badge names itself for screen readers and on hover. */
export function FlagBadges({ flags }: { flags: TicketFlags }) {
  const set = FLAGS.filter((flag) => flags[flag.key]);
  if (set.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="flags" aria-label="Ticket context">
      {set.map((flag) => (
        <li key={flag.key} class={`flag flag--${flag.key}`} title={flag.label}>
          <Icon name={flag.icon} />
          <span class="flag__text">{flag.short}</span>
          <span class="visually-hidden">{`: ${flag.label}`}</span>
        </li>
      ))}
    </ul>
  );
}

type IconName = "play" | "bolt" | "network" | "bug" | "check";
const PATHS: Record<IconName, JSX.Element> = {
  play: <path d="M5 3.5v9l7.5-4.5z" />,
  bolt: <path d="M9 1.5 3.5 9H8l-1 5.5L12.5 7H8z" />,
  network: <path d="M4 2v9H2l3 3 3-3H6V2zm6 12V5h2l-3-3-3 3h2v9z" />,
  bug: (
    <path d="M8 3a3 3 0 0 0-3 3v4a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM2 7h3m6 0h3M2 11h3m6 0h3M5 3 3.5 1.5M11 3l1.5-1.5" />
  ),
  check: <path d="m3 8.5 3 3 7-7" />,
};

export function Icon({ name }: { name: IconName }) {
  const stroked = name === "bug" || name === "check";
  return (
    <svg
      class="icon"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
      fill={stroked ? "none" : "currentColor"}
      stroke={stroked ? "currentColor" : "none"}
      stroke-width={stroked ? 1.6 : 0}
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {PATHS[name]}
    </svg>
  );
}
