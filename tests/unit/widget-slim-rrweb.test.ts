import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  domNodeTypes,
  dropImageOptions,
  inlineEnums,
  patchRrwebRecord,
  plainEnums,
  plainFields,
  patchedRrwebRecord as slimRrwebRecord,
} from "../../widget/build-rrweb-patch.js";

const ID = "/x/node_modules/@rrweb/record/dist/record.js";
const source = readFileSync(new URL("../../node_modules/@rrweb/record/dist/record.js", import.meta.url), "utf8");

function slim(code: string) {
  const warnings: string[] = [];
  const plugin = slimRrwebRecord() as unknown as {
    transform(this: unknown, code: string, id: string): { code: string };
  };
  const out = plugin.transform.call({ warn: (m: string) => warnings.push(m) }, code, ID);
  return { code: out.code, warnings };
}

describe("build-time rrweb trimming", () => {
  test("every cut finds its markers in the installed rrweb, so the shipped recorder is the trimmed one", () => {
    const { code, warnings } = slim(source);
    expect(warnings).toEqual([]);
    expect(code.length).toBeLessThan(source.length * 0.85);
    expect(code).not.toMatch(/\b(inlineImages|dataURLOptions)\b/);
    expect(code).not.toContain("initStyleDeclarationObserver({");
    expect(code).not.toContain("shopify-checkout-api-token");
    // the slim-DOM rule that replaces rrweb's list still drops scripts and unknown <meta> tags
    const rule = new Function(
      "NodeType",
      code.slice(code.indexOf("function slimDOMExcluded"), code.indexOf("function serializeNodeWithId")) +
        "return slimDOMExcluded;",
    )({ Comment: 5, Element: 2 });
    const el = (tagName: string, attributes: Record<string, string>) => ({ type: 2, tagName, attributes });
    expect(rule(el("script", {}))).toBe(true);
    expect(rule(el("meta", { name: "api-token", content: "secret" }))).toBe(true);
    expect(rule(el("meta", { name: "viewport", content: "width=device-width" }))).toBe(false);
    expect(rule(el("link", { rel: "icon", href: "/favicon.ico" }))).toBe(true);
    expect(rule(el("link", { rel: "preload", as: "style", href: "/app.css" }))).toBe(false);
    expect(rule(el("link", { rel: "modulepreload", href: "/app.js" }))).toBe(true);
    expect(rule(el("link", { rel: "stylesheet", href: "/app.css" }))).toBe(false);
    expect(rule({ type: 5 })).toBe(true);
  });

  test("enums become plain name -> number objects; unknown shapes are left alone", () => {
    const code = plainEnums(source);
    expect(code).toContain(
      'const NodeType = {"Document":0,"DocumentType":1,"Element":2,"Text":3,"CDATA":4,"Comment":5};',
    );
    expect(code).not.toMatch(/IncrementalSource2\[/);
    const odd = 'var X = /* @__PURE__ */ ((X2) => {\n  X2["A"] = "a";\n  return X2;\n})(X || {});';
    expect(plainEnums(odd)).toBe(odd);
  });

  test("enum members become their numbers and class fields plain assignments; anything unexpected is reported", () => {
    const code = patchRrwebRecord(source);
    expect(code).not.toMatch(/(?<!\/\* )\b(EventType|IncrementalSource|NodeType)\.\w/);
    expect(code).not.toContain("__publicField(this");
    expect(code).not.toMatch(/\.(ELEMENT|TEXT|DOCUMENT)_NODE\b(?! \*\/)/);
    expect(domNodeTypes("a.nodeType === a.TEXT_NODE; Node.ELEMENT_NODE = 2;")).toBe(
      "a.nodeType === 3 /* a.TEXT_NODE */; Node.ELEMENT_NODE = 2;",
    );
    expect(code).toContain("this.idNodeMap = (");
    const warnings: string[] = [];
    const unknownMember = 'const E = {"A":0};\nf(E.A, E.B);';
    expect(inlineEnums(unknownMember, (m) => warnings.push(m))).toBe('const E = {"A":0};\nf(0 /* E.A */, E.B);');
    const withSetter = 'class C {\n  constructor() {\n    __publicField(this, "x", 1);\n  }\n  set x(v) {}\n}';
    expect(plainFields(withSetter, (m) => warnings.push(m))).toBe(withSetter);
    expect(warnings).toHaveLength(2);
    const fields =
      '  constructor() {\n    __publicField(this, "a");\n    __publicField(this, "b", [\n      1\n    ]);\n';
    expect(plainFields(fields)).toBe("  constructor() {\n    this.b = ([\n      1\n    ]);\n");
    expect(plainFields(`class B extends A {\n${fields}`)).toContain("    this.a = void 0;\n    this.b = ([");
  });

  test("the image options are dropped only when no other use is left (an rrweb upgrade keeps the code working)", () => {
    const passing =
      "function f({\n  a,\n  inlineImages = false,\n  dataURLOptions = {},\n}) {\n  g({\n    a,\n    inlineImages,\n    dataURLOptions\n  });\n}\n";
    expect(dropImageOptions(passing)).toBe("function f({\n  a,\n}) {\n  g({\n    a,\n  });\n}\n");
    const warnings: string[] = [];
    const used = passing.replace("g({", "if (inlineImages) h();\n  g({");
    expect(dropImageOptions(used, (m) => warnings.push(m))).toBe(used);
    expect(warnings).toHaveLength(1);
  });
});

// Before the plugin shortens rrweb's internal names (build-rrweb-names.ts): the fakes below use rrweb's own.
describe("batched mutations (build-time patch)", () => {
  const code = patchRrwebRecord(source);
  type FakeNode = {
    nodeType: number;
    nodeName: string;
    parentNode: FakeNode | null;
    firstChild?: FakeNode | null;
    nextSibling?: FakeNode | null;
    data?: string;
  };
  type Record_ = {
    type: string;
    target: FakeNode;
    addedNodes?: FakeNode[];
    removedNodes?: FakeNode[];
    attributeName?: string;
    oldValue?: string;
  };
  const compactRecords = new Function(
    code.slice(code.indexOf("function compactRecords("), code.indexOf("class MutationBuffer {")) +
      "return compactRecords;",
  )() as (records: Record_[], mirror: unknown) => Record_[];
  // rrweb's Mirror as finishBatch uses it: node -> { id } metas, id -> node.
  const mirrorOf = (known: Map<FakeNode, number>) => ({
    idNodeMap: new Map<number, FakeNode>(),
    nodeMetaMap: {
      get: (n: FakeNode) => (known.has(n) ? { id: known.get(n) } : undefined),
      has: (n: FakeNode) => known.has(n),
      set: (n: FakeNode, meta: { id: number }) => known.set(n, meta.id),
      delete: (n: FakeNode) => known.delete(n),
    },
  });
  const el = (nodeName: string): FakeNode => ({ nodeType: 1, nodeName, parentNode: null, firstChild: null });
  const text = (parent: FakeNode | null, value: string): FakeNode => ({
    nodeType: 3,
    nodeName: "#text",
    parentNode: parent,
    nextSibling: null,
    data: value,
  });
  const childList = (target: FakeNode, addedNodes: FakeNode[], removedNodes: FakeNode[]): Record_ => ({
    type: "childList",
    target,
    addedNodes,
    removedNodes,
  });
  const lists = (out: Record_[]) =>
    out
      .filter((r) => r.type === "childList")
      .map((r) => [r.target.nodeName, r.removedNodes!.length, r.addedNodes!.length]);

  test("the patches apply to the installed rrweb", () => {
    expect(code).toContain("record.flushMutations = flushMutations;");
    expect(code).toContain("this.processMutations = ((mutations) => queueMutations(this, mutations));");
  });

  test("a cell whose text is rewritten three times in a batch becomes one text change of the node replay already has", () => {
    const td = el("TD");
    const original = text(null, "1.00"); // detached now
    const second = text(null, "2.00");
    const last = text(td, "3.00");
    td.firstChild = last;
    const known = new Map([
      [td, 7],
      [original, 8],
    ]);
    const out = compactRecords([childList(td, [second], [original]), childList(td, [last], [second])], mirrorOf(known));
    expect(out.filter((r) => r.type === "characterData")).toEqual([
      { type: "characterData", target: last, oldValue: "1.00" },
    ]);
    expect(lists(out)).toEqual([]); // nothing left to add or remove
    expect(known.get(last)).toBe(8); // the new text node answers to the old one's id
  });

  test("nodes added and removed within a batch vanish; moves keep their removal before their addition", () => {
    const list = el("UL");
    const temporary = el("LI");
    const moved = el("LI");
    moved.parentNode = list;
    const other = el("LI");
    other.parentNode = list;
    list.firstChild = other;
    const out = compactRecords(
      [
        childList(list, [temporary], []),
        childList(list, [], [temporary]),
        childList(list, [], [moved]),
        childList(list, [moved], []),
      ],
      mirrorOf(
        new Map([
          [list, 1],
          [moved, 2],
          [other, 3],
        ]),
      ),
    );
    expect(out.map((r) => [r.removedNodes, r.addedNodes])).toEqual([
      [[moved], []],
      [[], [moved]],
    ]);
  });

  test("a parent with other children keeps the removal and addition (the new text may sit elsewhere)", () => {
    const p = el("P");
    const gone = text(null, "old");
    const fresh = text(p, "new");
    const bold = el("B");
    p.firstChild = bold;
    bold.nextSibling = fresh;
    const out = compactRecords(
      [childList(p, [fresh], [gone])],
      mirrorOf(
        new Map([
          [p, 1],
          [gone, 2],
        ]),
      ),
    );
    expect(lists(out)).toEqual([
      ["P", 1, 0],
      ["P", 0, 1],
    ]);
    expect(out.some((r) => r.type === "characterData")).toBe(false);
  });

  test("attribute changes: the first record per node and attribute is kept (its old value is from before the batch)", () => {
    const row = el("TR");
    const out = compactRecords(
      [
        { type: "attributes", target: row, attributeName: "style", oldValue: "color: red" },
        { type: "attributes", target: row, attributeName: "style", oldValue: "color: blue" },
        { type: "attributes", target: row, attributeName: "class", oldValue: "a" },
      ],
      mirrorOf(new Map([[row, 1]])),
    );
    expect(out.map((r) => [r.attributeName, r.oldValue])).toEqual([
      ["style", "color: red"],
      ["class", "a"],
    ]);
  });
});

describe("remembered ancestry (whether a node sits under a blocked or masked element)", () => {
  const code = patchRrwebRecord(source);
  const { selectorAttributes, changesAncestry, newBatch, foldRecords } = new Function(
    code.slice(code.indexOf("function compactRecords("), code.indexOf("class MutationBuffer {")) +
      "return { selectorAttributes, changesAncestry, newBatch, foldRecords };",
  )();
  const ours = ["[data-handoff-block]", '[data-handoff-mask], [contenteditable]:not([contenteditable="false"])'];
  const node = (nodeType: number) => ({ nodeType, nodeName: nodeType === 1 ? "DIV" : "#text", parentNode: null });
  const changes = (records: object[], selectors = ours) =>
    changesAncestry(foldRecords(newBatch(), records), selectorAttributes(selectors));

  test("the widget's selectors read class, id and the attributes they name; anything more keeps nothing", () => {
    expect([...selectorAttributes(ours)].sort()).toEqual([
      "class",
      "contenteditable",
      "data-handoff-block",
      "data-handoff-mask",
      "id",
    ]);
    expect(selectorAttributes(["*", null])).toEqual(new Set(["class", "id"]));
    for (const reads of [".a + .b", ".a ~ .b", "li:first-child", ":has(.x)", ":not(:hover)", "[*|x]", "[a\\:b]"])
      expect(selectorAttributes([reads]), reads).toBeNull();
  });

  test("a batch of text and style changes keeps the answers; an element moved or a named attribute changed drops them", () => {
    const td = node(1);
    const text = (value: string) => ({ ...node(3), data: value });
    const style = { type: "attributes", target: td, attributeName: "style", oldValue: "" };
    const retext = { type: "childList", target: td, addedNodes: [text("2")], removedNodes: [text("1")] };
    expect(changes([style, retext, { type: "characterData", target: text("x"), oldValue: "y" }])).toBe(false);
    for (const name of ["class", "id", "data-handoff-mask", "data-handoff-block", "contenteditable"])
      expect(changes([style, { ...style, attributeName: name }]), name).toBe(true);
    expect(changes([{ type: "childList", target: td, addedNodes: [node(1)], removedNodes: [] }])).toBe(true);
    expect(changes([{ type: "childList", target: td, addedNodes: [], removedNodes: [node(1)] }])).toBe(true);
    expect(changes([style], ["li:first-child"])).toBe(true);
  });
});

describe("the rrweb patch fails the build instead of shipping something else", () => {
  test("a changed rrweb (one context line differs) or a version without a patch is an error naming the patch", () => {
    const changed = source.replace("class MutationBuffer {", "class MutationBuffer  {");
    expect(() => patchRrwebRecord(changed)).toThrow(/does not apply to the installed @rrweb\/record 2\.1\.6: hunk \d+/);
    expect(() => patchRrwebRecord(source, "9.9.9")).toThrow(/No rrweb patch for the installed @rrweb\/record 9\.9\.9/);
  });
});
