/**
 * Shorter names for rrweb's internal fields, methods and callbacks (its mirrors' maps, the mutation buffer's sets, the
 * managers' hand-overs): the minifier renames variables but never properties, and rrweb's long property names are
 * ~2.9 KB of the minified recorder (~320 B gzip). Only names no caller reaches: not record()'s options, not the
 * public API our recorder calls (record.mirror.getId/getNode, takeFullSnapshot...), not fields of the emitted events,
 * and no DOM name. Renamed on the syntax tree (member reads, object keys, shorthand keys and destructuring, class
 * members), so `{ needsMask }` becomes `{ $X: needsMask }`. The build fails when a name is also written as a string
 * (it may be read dynamically, e.g. rrweb copies some options by a list of names) or is no longer in rrweb.
 */

import { parseSync } from "vite";

/** Each renamed everywhere in @rrweb/record's record.js, and only there. */
export const RRWEB_INTERNAL_NAMES = [
  // Mirror and the style mirror: their maps and the methods only rrweb calls
  "idNodeMap",
  "nodeMetaMap",
  "styleIDMap",
  "idStyleMap",
  "removeNodeFromMap",
  "getMeta",
  "hasNode",
  "getIds",
  "getStyle",
  "generateId",
  // The mutation buffer
  "attributeMap",
  "addedSet",
  "movedSet",
  "droppedSet",
  "removesSubTreeCache",
  "movedMap",
  "mapRemoves",
  "unattachedDoc",
  "processMutations",
  "processMutation",
  "genAdds",
  "genTextAreaValueMutation",
  "isFrozen",
  // The iframe, shadow DOM and stylesheet managers
  "loadListener",
  "addLoadListener",
  "addIframe",
  "attachIframe",
  "bypassOptions",
  "restoreHandlers",
  "shadowDoms",
  "addShadowRoot",
  "observeAttachShadow",
  "patchAttachShadow",
  "trackedLinkElements",
  "trackLinkElement",
  "attachLinkElement",
  "trackStylesheetInLinkElement",
  "adoptStyleSheets",
  "styleMirror",
  "inOtherBuffer",
  // What the snapshot functions hand each other (not record()'s options; the serialized nodes have none of them)
  "stylesheetLoadTimeout",
  "onStylesheetLoad",
  "iframeLoadTimeout",
  "onIframeLoad",
  "onSerialize",
  "newlyAddedElement",
  "cssCaptured",
  "needsMask",
  "preserveWhiteSpace",
  // An attribute change's working copies (only its id and attributes are emitted)
  "styleDiff",
  "_unchangedStyles",
  // The callbacks record() hands its observers
  "scrollCb",
  "mousemoveCb",
  "mouseInteractionCb",
  "viewportResizeCb",
  "inputCb",
  "styleSheetRuleCb",
  "adoptedStyleSheetCb",
] as const;

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && typeof (value as Node).type === "string";

function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) isNode(item) && walk(item, visit);
    else if (isNode(value)) walk(value, visit);
  }
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** `$A`, `$B`, ... `$z`, then `$$A`...: checked unused in rrweb. */
const shortName = (i: number) => "$".repeat(1 + Math.floor(i / 52)) + LETTERS[i % 52];
const word = (name: string) => new RegExp(`(?<![\\w$])${name.replaceAll("$", "\\$")}(?![\\w$])`);

export function renameRrwebInternals(
  code: string,
  fail: (message: string) => void,
  names: readonly string[] = RRWEB_INTERNAL_NAMES,
): string {
  const short = new Map(names.map((name, i) => [name, shortName(i)]));
  const taken = [...short.values()].find((to) => word(to).test(code));
  if (taken) fail(`rrweb already uses the name "${taken}": pick other short names`);
  const parsed = parseSync("record.js", code);
  if (parsed.errors.length) fail(`rrweb rename: record.js does not parse (${parsed.errors[0].message})`);
  const edits: { start: number; end: number; text: string }[] = [];
  const strings = new Set<string>();
  const found = new Set<string>();
  const rename = (key: unknown, shorthand = false) => {
    if (!isNode(key) || key.type !== "Identifier") return;
    const name = key.name as string;
    const to = short.get(name);
    if (!to) return;
    if (code.slice(key.start, key.end) !== name) fail(`rrweb rename: "${name}" is not where the parser put it`);
    found.add(name);
    edits.push({ start: key.start, end: key.end, text: shorthand ? `${to}: ${name}` : to });
  };
  walk(parsed.program as unknown as Node, (node) => {
    if (node.type === "MemberExpression" && !node.computed) rename(node.property);
    else if (node.type === "Property" && !node.computed) rename(node.key, node.shorthand as boolean);
    else if ((node.type === "MethodDefinition" || node.type === "PropertyDefinition") && !node.computed)
      rename(node.key);
    else if (node.type === "Literal" && typeof node.value === "string") strings.add(node.value);
    else if (node.type === "TemplateElement") strings.add((node.value as { raw: string }).raw);
  });
  for (const name of names) {
    if ([...strings].some((s) => word(name).test(s))) fail(`rrweb names "${name}" in a string: it cannot be renamed`);
    if (!found.has(name)) fail(`rrweb has no "${name}" any more: update widget/build-rrweb-names.ts`);
  }
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
