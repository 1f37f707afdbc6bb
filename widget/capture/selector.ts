/** Short, readable CSS paths for clicked elements. Works on a structural subset of Element so it can be unit tested. */
import { maskPatterns } from "./patterns.js";

export interface SelectorNode {
  tagName: string;
  id: string;
  getAttribute(name: string): string | null;
  parentElement: SelectorNode | null;
  readonly children?: ArrayLike<SelectorNode>;
}

const TEST_ATTRS = ["data-testid", "data-test", "data-cy", "data-qa"];
// Generated (CSS-in-JS, CSS modules) class names add noise, not meaning.
const NOISY_CLASS =
  /^(css|sc|jsx|emotion|svelte)-|^_|[0-9a-f]{5,}|\d{3,}|^(active|hover|focus|selected|open|is-|has-)/i;
const NOISY_ID = /\d{3,}|[0-9a-f]{8,}|^(radix|headlessui|react|:r)/i;

const esc = (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`);

function part(node: SelectorNode): { text: string; unique: boolean } {
  const tag = node.tagName.toLowerCase();
  for (const attr of TEST_ATTRS) {
    const value = node.getAttribute(attr);
    if (value && value.length <= 60) return { text: `${tag}[${attr}="${value.replace(/"/g, '\\"')}"]`, unique: true };
  }
  if (node.id && !NOISY_ID.test(node.id) && node.id.length <= 60)
    return { text: `${tag}#${esc(node.id)}`, unique: true };
  const classes = (node.getAttribute("class") || "")
    .split(/\s+/)
    .filter((c) => c && c.length <= 40 && !NOISY_CLASS.test(c))
    .slice(0, 2);
  let text = tag + classes.map((c) => `.${esc(c)}`).join("");
  const parent = node.parentElement;
  if (parent?.children) {
    const siblings = Array.from(parent.children).filter((c) => c.tagName === node.tagName);
    if (siblings.length > 1) text += `:nth-of-type(${siblings.indexOf(node) + 1})`;
  }
  return { text, unique: false };
}

/**
 * Up to `depth` levels, stopping early at an id or test attribute; at most 300 characters. Ids and test attributes
 * are page data ("row-jane@example.com"): masked by pattern, as in the recording.
 */
export function buildSelector(node: SelectorNode, depth = 4): string {
  const parts: string[] = [];
  let current: SelectorNode | null = node;
  while (current && parts.length < depth) {
    const tag = current.tagName.toLowerCase();
    if (tag === "html" || tag === "body") break;
    const p = part(current);
    parts.unshift(p.text);
    if (p.unique) break;
    current = current.parentElement;
  }
  const selector = maskPatterns(parts.join(" > ") || node.tagName.toLowerCase());
  return selector.length > 300 ? selector.slice(selector.length - 300) : selector;
}
