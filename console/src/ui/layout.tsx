import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Agent } from "../../../shared/index.js";
import { Announcer } from "../keyboard/announcer.js";
import { HandedNotices } from "../notices/handed-notices.js";
import { shortcutsOpen } from "../keyboard/shortcuts.js";
import { ShortcutsDialog } from "../keyboard/shortcuts-dialog.js";
import { href, route } from "../router.js";
import { logOut } from "../session.js";
import { Link } from "./link.js";
import { setTheme, theme, type ThemeChoice } from "./theme.js";

/** The signed-in frame: sidebar navigation, a header with the agent, and the current screen. */
export function Layout({ agent, children }: { agent: Agent; children: ComponentChildren }) {
  const current = route.value.name;
  const [loggingOut, setLoggingOut] = useState(false);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <aside class="sidebar">
        <div class="brand">
          <span class="brand__mark" aria-hidden="true">
            H
          </span>{" "}
          Handoff
        </div>
        <nav aria-label="Console">
          <ul class="sidebar__nav">
            <li>
              <Link class="sidebar__link" href={href()} aria-current={current === "queue" ? "page" : undefined}>
                Tickets
              </Link>
            </li>
            <li>
              <Link
                class="sidebar__link"
                href={href("matrix")}
                aria-current={current === "matrix" ? "page" : undefined}
              >
                Escalation matrix
              </Link>
            </li>
            <li>
              <Link
                class="sidebar__link"
                href={href("metrics")}
                aria-current={current === "metrics" || current === "metric-tickets" ? "page" : undefined}
              >
                Escalation metrics
              </Link>
            </li>
            {agent.role === "admin" && (
              <li>
                <Link
                  class="sidebar__link"
                  href={href("admin")}
                  aria-current={current === "admin" ? "page" : undefined}
                >
                  Admin
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </aside>
      <div class="shell__body">
        <header class="topbar">
          <div class="topbar__agent">
            <span class="avatar" aria-hidden="true">
              {initials(agent.name || agent.email)}
            </span>
            <span>
              <span class="topbar__name">{agent.name || agent.email}</span>
              <span class="muted small">
                {" "}
                · Tier {agent.tier}
                {agent.role === "admin" ? " · Admin" : ""}
              </span>
            </span>
          </div>
          <div class="topbar__actions">
            <ThemePicker />
            <button
              type="button"
              class="button button--ghost"
              aria-keyshortcuts="?"
              onClick={() => (shortcutsOpen.value = true)}
            >
              Shortcuts <kbd>?</kbd>
            </button>
            <Link class="button button--ghost" href={href("account")}>
              Account
            </Link>
            <button
              type="button"
              class="button button--ghost"
              disabled={loggingOut}
              onClick={() => {
                setLoggingOut(true);
                void logOut();
              }}
            >
              Log out
            </button>
          </div>
        </header>
        <main id="main" class="main">
          <HandedNotices me={agent.id} />
          {children}
        </main>
      </div>
      <ShortcutsDialog />
      <Announcer />
    </div>
  );
}

function initials(name: string): string {
  const parts = name.split(/[\s@.]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts[1]?.[0] ?? "")).toUpperCase() || "?";
}

function ThemePicker() {
  return (
    <label class="theme-picker">
      <span class="visually-hidden">Theme</span>
      <select value={theme.value} onChange={(e) => setTheme(e.currentTarget.value as ThemeChoice)}>
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
