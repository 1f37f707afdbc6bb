import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { dropImageOptions, plainEnums, slimRrwebRecord } from "../../widget/build-slim-rrweb.js";

const ID = "/x/node_modules/@rrweb/record/dist/record.js";
const source = readFileSync(new URL("../../node_modules/@rrweb/record/dist/record.js", import.meta.url), "utf8");

function slim(code: string) {
  const warnings: string[] = [];
  const plugin = slimRrwebRecord() as unknown as { transform(this: unknown, code: string, id: string): { code: string } };
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
    const rule = new Function("NodeType", code.slice(code.indexOf("function slimDOMExcluded"), code.indexOf("function serializeNodeWithId")) + "return slimDOMExcluded;")({ Comment: 5, Element: 2 });
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
    expect(code).toContain('const NodeType = {"Document":0,"DocumentType":1,"Element":2,"Text":3,"CDATA":4,"Comment":5};');
    expect(code).not.toMatch(/IncrementalSource2\[/);
    const odd = 'var X = /* @__PURE__ */ ((X2) => {\n  X2["A"] = "a";\n  return X2;\n})(X || {});';
    expect(plainEnums(odd)).toBe(odd);
  });

  test("the image options are dropped only when no other use is left (an rrweb upgrade keeps the code working)", () => {
    const passing = "function f({\n  a,\n  inlineImages = false,\n  dataURLOptions = {},\n}) {\n  g({\n    a,\n    inlineImages,\n    dataURLOptions\n  });\n}\n";
    expect(dropImageOptions(passing)).toBe("function f({\n  a,\n}) {\n  g({\n    a,\n  });\n}\n");
    const warnings: string[] = [];
    const used = passing.replace("g({", "if (inlineImages) h();\n  g({");
    expect(dropImageOptions(used, (m) => warnings.push(m))).toBe(used);
    expect(warnings).toHaveLength(1);
  });
});
