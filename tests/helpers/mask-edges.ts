/**
 * For unit tests of the recording's masking: an event sanitized as the recorder does it, including the join of texts
 * with an @ at an edge (widget/recorder/edges.ts, which the recorder loads when one shows up). The page is the
 * event's own tree: text nodes in tree order, those without an id given one.
 */
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";
import { joinAtEdges } from "../../widget/recorder/edges.js";
import { type EmittedEvent, type SanitizeOptions, sanitizeEvent } from "../../widget/recorder/sanitize.js";

interface TreeNode {
  type: number;
  id?: number;
  textContent?: string;
  isStyle?: boolean;
  childNodes?: TreeNode[];
}

export function sanitizeOnPage(
  event: EmittedEvent,
  options: SanitizeOptions = { patterns: (text) => maskPatterns(text) },
  mask = makeTextMasker({ all: false, patterns: true }),
): void {
  const texts: [number, string][] = [];
  let next = 1_000_000;
  const visit = (n: TreeNode) => {
    if (n.type === 3) {
      n.id ??= next++;
      if (!n.isStyle && n.textContent) texts.push([n.id, n.textContent]);
    }
    n.childNodes?.forEach(visit);
  };
  const data = event.data as { node?: TreeNode; adds?: { node: TreeNode }[] };
  if (data.node) visit(data.node);
  for (const add of data.adds ?? []) visit(add.node);
  const found: [number, string][] = [];
  sanitizeEvent(event, () => false, mask, undefined, {
    ...options,
    atEdge: (id, raw, to) => typeof id === "number" && !to && found.push([id, raw]),
  });
  const beside = (id: number, after: boolean) => {
    const at = texts.findIndex(([n]) => n === id);
    for (let i = after ? at + 1 : at - 1; at >= 0 && i >= 0 && i < texts.length; i += after ? 1 : -1)
      if (/\S/.test(texts[i][1])) return texts[i];
  };
  if (options.patterns) joinAtEdges(found, beside, [event], options.patterns, mask);
}

/** A serialized text node, element and full snapshot, as rrweb records them (for the masking unit tests). */
export const text = (textContent: string) => ({ type: 3, textContent });
export const el = (tagName: string, attributes: Record<string, string>, childNodes: object[] = []) => ({
  type: 2,
  tagName,
  attributes,
  childNodes,
});
export const snapshot = (...childNodes: object[]) => ({ type: 2, data: { node: { type: 0, childNodes } } });
/** The event sanitized as the recorder does it with the default patterns, as JSON (what would be sent). */
export const sanitized = <T extends { type: number }>(event: T) => {
  sanitizeOnPage(event);
  return JSON.stringify(event);
};
