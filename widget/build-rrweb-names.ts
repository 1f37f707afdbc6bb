/**
 * Shorter names for rrweb's internal fields, methods and callbacks (its mirrors' maps, the mutation buffer's sets, the
 * managers' hand-overs, the option bags it passes around): the minifier renames variables but never properties, and
 * these are ~5.9 KB of the minified recorder (~450 B gzip). Only names no caller reaches: record()'s options keep their
 * public names where record() reads them from its caller; not the API our recorder calls (record.mirror.getId/getNode,
 * takeFullSnapshot...), no field of the emitted events, no DOM name. Renamed on the syntax tree (member reads, object
 * keys, shorthand keys and destructuring, class members, lists of names), so `{ needsMask }` becomes
 * `{ $X: needsMask }`. The build fails when a name is also written in another string (it may be read dynamically),
 * is read from record()'s options any other way, or is no longer in rrweb.
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
  // record()'s own options, as record() hands them on internally (it reads them from its caller under their public
  // names: its destructuring of them is left alone) and the managers it builds; MutationBuffer.init copies these by
  // a list of names, which is renamed with them
  "blockClass",
  "blockSelector",
  "ignoreClass",
  "ignoreSelector",
  "maskTextClass",
  "maskTextSelector",
  "maskInputOptions",
  "maskInputFn",
  "maskTextFn",
  "inlineStylesheet",
  "keepIframeSrcFn",
  "recordCanvas",
  "slimDOMOptions",
  "sampling",
  "userTriggeredOnInput",
  "mutationCb",
  "iframeManager",
  "stylesheetManager",
  "shadowDomManager",
  "canvasManager",
  "processedNodeManager",
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
  // The most used get the two-character names.
  const uses = (name: string) => code.match(new RegExp(word(name), "g"))?.length ?? 0;
  const byUse = [...names].sort((a, b) => uses(b) - uses(a));
  const short = new Map(byUse.map((name, i) => [name, shortName(i)]));
  const taken = [...short.values()].find((to) => word(to).test(code));
  if (taken) fail(`rrweb already uses the name "${taken}": pick other short names`);
  const parsed = parseSync("record.js", code);
  if (parsed.errors.length) fail(`rrweb rename: record.js does not parse (${parsed.errors[0].message})`);
  const program = parsed.program as unknown as Node;
  const callersOptions = recordOptionKeys(program, short, fail);
  const edits: { start: number; end: number; text: string }[] = [];
  const strings = new Set<string>();
  const found = new Set<string>();
  const nameLists = new Set<Node>();
  const rename = (key: unknown, shorthand = false) => {
    if (!isNode(key) || key.type !== "Identifier" || callersOptions.has(key)) return;
    const name = key.name as string;
    const to = short.get(name);
    if (!to) return;
    if (code.slice(key.start, key.end) !== name) fail(`rrweb rename: "${name}" is not where the parser put it`);
    found.add(name);
    edits.push({ start: key.start, end: key.end, text: shorthand ? `${to}: ${name}` : to });
  };
  walk(program, (node) => {
    // A list of names (`["blockClass", ...].forEach((key) => (this[key] = options[key]))`) is renamed with them.
    const items = node.type === "ArrayExpression" ? (node.elements as Node[]) : [];
    if (items.length && items.every((e) => e?.type === "Literal" && typeof e.value === "string"))
      for (const item of items) {
        const to = short.get(item.value as string);
        if (!to) continue;
        nameLists.add(item);
        edits.push({ start: item.start, end: item.end, text: JSON.stringify(to) });
      }
    if (node.type === "MemberExpression" && !node.computed) rename(node.property);
    else if (node.type === "Property" && !node.computed) rename(node.key, node.shorthand as boolean);
    else if ((node.type === "MethodDefinition" || node.type === "PropertyDefinition") && !node.computed)
      rename(node.key);
    else if (node.type === "Literal" && typeof node.value === "string" && !nameLists.has(node)) strings.add(node.value);
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

/**
 * The keys of record()'s destructuring of its caller's options (`const { blockClass = "rr-block", ... } = options`):
 * those are read under their public names, so they keep them. Fails if record() reads a listed name from its options
 * any other way, or hands its options object on whole.
 */
function recordOptionKeys(program: Node, short: Map<string, string>, fail: (message: string) => void): Set<unknown> {
  const keys = new Set<unknown>();
  let record: Node | undefined;
  walk(program, (node) => {
    if (node.type === "FunctionDeclaration" && (node.id as Node | null)?.name === "record") record = node;
  });
  const param = (record?.params as Node[] | undefined)?.[0];
  const options = (param?.type === "AssignmentPattern" ? (param.left as Node) : param)?.name;
  if (!record || typeof options !== "string") {
    fail("rrweb rename: no record(options) function");
    return keys;
  }
  const allowed = new Set<unknown>();
  walk(record.body as Node, (node) => {
    if (node.type === "VariableDeclarator" && (node.init as Node | null)?.name === options) {
      allowed.add(node.init);
      for (const p of (node.id as Node).properties as Node[]) keys.add(p.key);
    } else if (node.type === "MemberExpression" && (node.object as Node).name === options) {
      allowed.add(node.object);
      const name = (node.property as Node).name as string;
      if (node.computed || short.has(name)) fail(`rrweb's record() reads options.${name}: it cannot be renamed`);
    }
  });
  walk(record.body as Node, (node) => {
    if (node.type === "Identifier" && node.name === options && !allowed.has(node))
      fail("rrweb's record() hands its options on whole: its names cannot be renamed");
  });
  if (!keys.size) fail("rrweb rename: record() no longer destructures its options");
  return keys;
}
