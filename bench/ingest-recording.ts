/**
 * A synthetic rrweb recording shaped like a busy minute (Meta, FullSnapshot of a few thousand nodes, then mouse
 * moves, scrolls, inputs and text mutations), seeded so that every run uploads the same bytes.
 */
const WORDS =
  "invoice export report customer account billing settings dashboard chart filter search table row column save cancel delete archive team member role permission plan upgrade usage limit quota error retry loading".split(
    " ",
  );

export function fakeRecordingEvents(options: { nodes?: number; incremental?: number; seed?: number } = {}) {
  let state = options.seed ?? 42;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const id = (() => {
    let n = 0;
    return () => ++n;
  })();
  const start = 1_700_000_000_000;

  const element = (depth: number): unknown => {
    const children: unknown[] = [];
    const count = depth > 4 ? 0 : 2 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) children.push(element(depth + 1));
    if (count === 0)
      children.push({
        type: 3,
        textContent: `${words(3 + Math.floor(random() * 8))} ${Math.floor(random() * 1e6)}`,
        id: id(),
      });
    return {
      type: 2,
      tagName: pick(["div", "span", "td", "li", "button", "a", "p"]),
      attributes: {
        class: `${pick(WORDS)}-${pick(WORDS)} c${Math.floor(random() * 500)}`,
        "data-row": String(Math.floor(random() * 1e4)),
      },
      childNodes: children,
      id: id(),
    };
  };
  const body = Array.from({ length: options.nodes ?? 6 }, () => element(0));
  const events: { type: number; timestamp: number; data: unknown }[] = [
    { type: 4, timestamp: start, data: { href: "https://app.example/reports", width: 1280, height: 800 } },
    {
      type: 2,
      timestamp: start + 5,
      data: {
        node: {
          type: 0,
          id: id(),
          childNodes: [{ type: 2, tagName: "html", attributes: {}, id: id(), childNodes: body }],
        },
        initialOffset: { left: 0, top: 0 },
      },
    },
  ];
  let t = start + 10;
  for (let i = 0; i < (options.incremental ?? 3000); i++) {
    t += Math.floor(random() * 20);
    const kind = random();
    if (kind < 0.6) {
      const positions = Array.from({ length: 4 }, (_, k) => ({
        x: Math.floor(random() * 1280),
        y: Math.floor(random() * 800),
        id: Math.floor(random() * 4000),
        timeOffset: -k * 12,
      }));
      events.push({ type: 3, timestamp: t, data: { source: 1, positions } });
    } else if (kind < 0.75) {
      events.push({ type: 3, timestamp: t, data: { source: 3, id: 1, x: 0, y: Math.floor(random() * 4000) } });
    } else if (kind < 0.85) {
      events.push({
        type: 3,
        timestamp: t,
        data: { source: 5, text: words(2), isChecked: false, id: Math.floor(random() * 4000) },
      });
    } else {
      events.push({
        type: 3,
        timestamp: t,
        data: {
          source: 0,
          texts: [{ id: Math.floor(random() * 4000), value: `${words(4)} ${Math.floor(random() * 1e6)}` }],
          attributes: [],
          removes: [],
          adds: [],
        },
      });
    }
  }
  return events;
}
