/**
 * An address split over blocks or a line break that arrives after load, through DOM mutations (issue #12): it was
 * masked only at the next full snapshot. `beside` stands for the page: the recorded text next to a node.
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";
import { join, joinAtEdges } from "../../widget/recorder/edges.js";
import { type EmittedEvent, sanitizeEvent } from "../../widget/recorder/sanitize.js";

const mask = makeTextMasker({ all: false, patterns: true });
const patterns = (text: string) => maskPatterns(text);
const text = (id: number, textContent: string) => ({ type: 3, id, textContent });
const el = (id: number, tagName: string, childNodes: object[] = []) => ({
  type: 2,
  id,
  tagName,
  attributes: {},
  childNodes,
});
type Page = Record<number, [number | undefined, number | undefined]>;
/** The recorded texts in the page's order: id -> [text before, text after]. The event is recorded after `recorded`. */
const sanitized = (data: object, page: Page, texts: Record<number, string>, recorded: EmittedEvent[] = []) => {
  const event = { type: 3, data: { source: 0, ...data } };
  const beside = (id: number, after: boolean): [number, string] | undefined => {
    const other = page[id]?.[after ? 1 : 0];
    return other === undefined ? undefined : [other, texts[other]];
  };
  const found: [number, string][] = [];
  sanitizeEvent(event, () => false, mask, undefined, {
    patterns,
    atEdge: (id, raw, to) => typeof id === "number" && !to && found.push([id, raw]),
  });
  joinAtEdges(found, beside, [...recorded, event], patterns, mask);
  return event.data as { adds?: { node: object }[]; texts?: { id: number; value: string }[] };
};

describe("an address split over blocks, arriving after load", () => {
  const texts = { 10: "jane.doe", 11: "@example.com", 12: "Follow us", 13: "@handoff.io", 14: "ops@", 15: "acme.org" };

  test("the domain's block added after the local part's: both masked, also where the local part was recorded", () => {
    const earlier = {
      type: 3,
      data: { source: 0, adds: [{ parentId: 5, node: el(7, "div", [text(10, "jane.doe")]) }] },
    };
    const out = sanitized(
      { adds: [{ parentId: 5, node: el(6, "div", [text(11, "@example.com")]) }] },
      { 11: [10, undefined] },
      texts,
      [earlier],
    );
    const json = JSON.stringify([earlier, out]);
    for (const secret of ["jane", "example"]) expect(json).not.toContain(secret);
    expect(json).toContain("j•••.•••");
  });

  test("both blocks in one added subtree: masked in place", () => {
    const out = sanitized(
      {
        adds: [
          {
            parentId: 5,
            node: el(6, "td", [el(7, "div", [text(10, "jane.doe")]), el(8, "div", [text(11, "@example.com")])]),
          },
        ],
      },
      { 11: [10, undefined] },
      texts,
    );
    const json = JSON.stringify(out);
    for (const secret of ["jane", "example"]) expect(json).not.toContain(secret);
    expect(json).toContain("j•••.•••");
  });

  test("a text change after a line break (jane<br>@example.com), and an @ at the end of a text", () => {
    const out = sanitized(
      {
        texts: [
          { id: 11, value: "@example.com" },
          { id: 14, value: "ops@" },
        ],
      },
      { 11: [10, undefined], 14: [undefined, 15] },
      texts,
    );
    const json = JSON.stringify(out);
    for (const secret of ["jane", "example", "ops", "acme"]) expect(json).not.toContain(secret);
  });

  test("a handle after prose stays; nothing next to it on the page (masked or none): as it was", () => {
    const out = sanitized(
      {
        texts: [
          { id: 13, value: "@handoff.io" },
          { id: 11, value: "@example.com" },
        ],
      },
      { 13: [12, undefined], 11: [undefined, undefined] },
      texts,
    );
    expect(out.texts).toEqual([
      { id: 13, value: "@handoff.io" },
      { id: 11, value: "@example.com" },
    ]);
  });

  test("the local part recorded before the domain came (a snapshot, an earlier add) is masked where it was recorded", () => {
    const snapshot = { type: 2, data: { node: { type: 0, childNodes: [el(7, "div", [text(10, "jane.doe")])] } } };
    const earlier = {
      type: 3,
      data: {
        source: 0,
        texts: [
          { id: 10, value: "jane.doe" },
          { id: 16, value: "jane.doe" },
        ],
      },
    };
    sanitized({ texts: [{ id: 11, value: "@example.com" }] }, { 11: [10, undefined] }, texts, [snapshot, earlier]);
    const json = JSON.stringify([snapshot, earlier]);
    expect(json.match(/jane\.doe/g)).toHaveLength(1); // node 16 is another text
    expect(json.match(/j•••\.•••/g)).toHaveLength(2);
  });
});

describe("an address split over blocks, gone from the page before the joining code came", () => {
  // As rrweb records an added subtree: each node on its own, with its parent and next sibling (null: the last).
  const add = (parentId: number, nextId: number | null, node: object) => ({ parentId, nextId, node });
  const gone = { getNode: () => null, getId: () => -1 };

  test("joined with its neighbour as the mutation recorded it, in the page's order", () => {
    const added = {
      type: 3,
      data: {
        source: 0,
        adds: [
          add(11, null, el(16, "div")),
          add(11, 16, el(17, "div")),
          add(17, null, el(18, "div")),
          add(17, 18, el(19, "div")),
          add(19, null, text(20, "li.gone")),
          add(18, null, text(21, "@gone-away.org")),
          add(16, null, el(22, "div")),
          add(16, 22, el(23, "div")),
          add(23, null, text(24, "Write to")),
          add(22, null, text(25, "@handoff.io")),
        ],
      },
    };
    const found: [number, string][] = [
      [21, "@gone-away.org"],
      [25, "@handoff.io"],
    ];
    join(found, gone, "", () => [added], patterns, mask)();
    const json = JSON.stringify(added);
    for (const secret of ["li.gone", "gone-away"]) expect(json).not.toContain(secret);
    for (const kept of ['"Write to"', '"@handoff.io"']) expect(json).toContain(kept);
    expect(found).toEqual([]);
  });

  test("a CSS rule inserted through the CSSOM among the events (an add of a rule, no node) does not stop the join", () => {
    const rule = { type: 3, data: { source: 8, id: 9, adds: [{ rule: ".a{color:red}", index: 0 }] } };
    const added = {
      type: 3,
      data: { source: 0, adds: [add(5, null, el(6, "div", [text(10, "jane.doe"), text(11, "@example.com")]))] },
    };
    for (const events of [
      [rule, added],
      [added, rule],
    ]) {
      const copy = structuredClone(events);
      join([[11, "@example.com"]], gone, "", () => copy, patterns, mask)();
      expect(JSON.stringify(copy)).not.toContain("jane");
    }
  });

  test("in a full snapshot too; a neighbour in another subtree is none", () => {
    const snapshot = {
      type: 2,
      data: {
        node: { type: 0, childNodes: [el(7, "div", [text(10, "jane.doe")]), el(8, "div", [text(11, "@example.com")])] },
      },
    };
    const other = { type: 3, data: { source: 0, adds: [add(5, null, text(30, "ops.desk@"))] } };
    join(
      [
        [11, "@example.com"],
        [30, "ops.desk@"],
      ],
      gone,
      "",
      () => [snapshot, other],
      patterns,
      mask,
    )();
    const json = JSON.stringify(snapshot);
    for (const secret of ["jane", "example"]) expect(json).not.toContain(secret);
    expect(JSON.stringify(other)).toContain('"ops.desk@"');
  });
});
