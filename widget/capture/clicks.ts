import type { Click } from "../../shared/context.js";
import { WIDGET_LIMITS } from "../../shared/limits.js";
import type { Ring } from "./ring.js";
import { buildSelector } from "./selector.js";
import { scrubUrl, shortText } from "./scrub.js";

export interface ClickOptions {
  /** True for events inside the widget itself: never captured. */
  isOwn(event: Event): boolean;
  /** Time of the last route change, so a click that navigates is not "dead". */
  lastNavigation(): number;
}

const RAGE_COUNT = 3;
const RAGE_MS = 1000;
const DEAD_MS = 1000;
// Focusing or toggling a form control is a response even without a DOM change.
const NO_DEAD_CHECK = /^(input|textarea|select|option|label|video|audio|iframe|summary|details)$/;
const IMPLICIT_ROLE: Record<string, string> = {
  a: "link",
  button: "button",
  select: "combobox",
  textarea: "textbox",
  summary: "button",
};

function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute("role");
  if (explicit) return explicit.slice(0, 40);
  const tag = el.tagName.toLowerCase();
  if (tag === "input") {
    const type = (el as HTMLInputElement).type;
    return type === "checkbox" || type === "radio" ? type : /^(button|submit|reset)$/.test(type) ? "button" : "textbox";
  }
  return IMPLICIT_ROLE[tag];
}

/** The element that means something to a person: the nearest button/link, else the clicked element. */
function meaningfulTarget(el: Element): Element {
  return (
    el.closest("a,button,[role=button],[role=link],[role=menuitem],[role=tab],label,summary,input,select,textarea") ||
    el
  );
}

function textOf(el: Element): string | undefined {
  if (el.closest("[data-handoff-mask],[data-handoff-block],.rr-block,.rr-mask")) return undefined;
  const tag = el.tagName.toLowerCase();
  if (tag === "input") {
    const input = el as HTMLInputElement;
    // Never a typed value: only the visible label of button-like inputs.
    return /^(button|submit|reset)$/.test(input.type) ? shortText(input.value, WIDGET_LIMITS.clickText) : undefined;
  }
  if (tag === "textarea" || tag === "select") return undefined;
  const text = (el as HTMLElement).textContent ?? el.textContent ?? "";
  const label = text.trim() ? text : el.getAttribute("aria-label") || el.getAttribute("title") || "";
  return label ? shortText(label, WIDGET_LIMITS.clickText) || undefined : undefined;
}

/** Records the last clicks with rage (3+ on one target within 1 s) and dead (no DOM change or navigation within 1 s) flags. */
export function startClicks(ring: Ring<Click>, options: ClickOptions): () => void {
  let lastMutation = 0;
  let pending = 0;
  let observer: MutationObserver | undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const recent: { selector: string; t: number }[] = [];

  const watchMutations = () => {
    if (observer || typeof MutationObserver === "undefined") return;
    // The first change after a click is all a dead-click check needs: stop observing then, so a busy page does not pay
    // for a second observer's records (it observes again at the next click).
    observer = new MutationObserver(() => {
      lastMutation = Date.now();
      observer?.disconnect();
      observer = undefined;
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };

  const onClick = (event: MouseEvent) => {
    if (options.isOwn(event)) return;
    const path = event.composedPath();
    const raw = (path[0] instanceof Element ? path[0] : event.target) as Element | null;
    if (!raw || !(raw instanceof Element)) return;
    const el = meaningfulTarget(raw);
    const t = Date.now();
    const selector = buildSelector(el);
    const click: Click = {
      t,
      selector,
      tag: el.tagName.toLowerCase().slice(0, 40),
      x: Math.round(event.clientX),
      y: Math.round(event.clientY),
      url: scrubUrl(location.href),
    };
    const role = roleOf(el);
    if (role) click.role = role;
    const text = textOf(el);
    if (text) click.text = text;

    recent.push({ selector, t });
    while (recent.length && recent[0].t < t - RAGE_MS) recent.shift();
    if (recent.filter((r) => r.selector === selector).length >= RAGE_COUNT) click.rage = true;
    ring.push(click);

    const tag = el.tagName.toLowerCase();
    const opensElsewhere = tag === "a" && (el as HTMLAnchorElement).target === "_blank";
    if (NO_DEAD_CHECK.test(tag) || opensElsewhere || (el as HTMLElement).isContentEditable) return;
    watchMutations();
    pending++;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (lastMutation < t && options.lastNavigation() < t) click.dead = true;
      if (--pending === 0 && observer) {
        observer.disconnect();
        observer = undefined;
      }
    }, DEAD_MS);
    timers.add(timer);
  };

  document.addEventListener("click", onClick, true);
  return () => {
    document.removeEventListener("click", onClick, true);
    timers.forEach(clearTimeout);
    observer?.disconnect();
  };
}
