/**
 * Script URLs are page source (often with tokens or customer data in them) and replay never runs them: a link's
 * `javascript:`/`vbscript:` URL is recorded as "#", however the page hides the scheme (issue #12).
 */
import { describe, expect, test } from "vitest";
import { sanitized, snapshot } from "../helpers/mask-edges.js";

const link = (href: string) => ({ type: 2, tagName: "a", attributes: { href }, childNodes: [] });
const hrefOf = (href: string) => {
  const event = snapshot(link(href));
  sanitized(event);
  return (event.data.node.childNodes[0] as ReturnType<typeof link>).attributes.href;
};

describe("script URLs in links", () => {
  test.each([
    ["plain", "javascript:track('jane@example.com')"],
    ["upper case, vbscript", "VBScript:MsgBox(1)"],
    ["leading spaces and control characters", " \u0001\u001f javascript:void(0)"],
    ["200 leading spaces", `${" ".repeat(200)}javascript:alert(document.cookie)`],
    ["tabs and newlines inside the scheme", "java\tscr\nipt:alert(1)"],
  ])("%s: recorded as #", (_, href) => {
    expect(hrefOf(href)).toBe("#");
  });

  test("other links stay (a path named javascript, an anchor)", () => {
    expect(hrefOf("/docs/javascript:intro")).toBe("/docs/javascript:intro");
    expect(hrefOf("#javascript")).toBe("#javascript");
  });
});
