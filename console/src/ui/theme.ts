import { signal } from "@preact/signals";

export type ThemeChoice = "system" | "light" | "dark";
const KEY = "handoff.console.theme";

function read(): ThemeChoice {
  try {
    const saved = localStorage.getItem(KEY);
    return saved === "light" || saved === "dark" ? saved : "system";
  } catch {
    return "system";
  }
}

/** The agent's pick; "system" follows prefers-color-scheme (the CSS does that when <html> has no data-theme). */
export const theme = signal<ThemeChoice>(read());

/** Puts the current choice on <html>; called at start-up (before the first paint) and on every change. */
export function applyTheme(choice: ThemeChoice = theme.value): void {
  if (choice === "system") document.documentElement.removeAttribute("data-theme");
  else document.documentElement.setAttribute("data-theme", choice);
}

export function setTheme(choice: ThemeChoice): void {
  theme.value = choice;
  applyTheme(choice);
  try {
    if (choice === "system") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
