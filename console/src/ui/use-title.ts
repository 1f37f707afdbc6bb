import { useEffect } from "preact/hooks";
import { announce } from "../keyboard/announcer.js";

/** The first title is the page load's, which the browser announces itself. */
let firstTitle = true;

/**
 * Sets the tab's title. After an in-app navigation the new title is also announced politely, as a page load would
 * be (the screen's <h1> takes focus too, see ScreenHeading).
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Handoff` : "Handoff console";
    if (firstTitle) firstTitle = false;
    else announce(title || "Handoff console");
  }, [title]);
}
