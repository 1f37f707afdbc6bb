import { describe, expect, test } from "vitest";
import { isSecretParam, scrubText, scrubUrl, shortText } from "../../widget/capture/scrub.js";
import { buildSelector, type SelectorNode } from "../../widget/capture/selector.js";
import { isSensitiveInput } from "../../widget/recorder/privacy.js";

describe("URL scrubbing", () => {
  test("redacts secret query parameters and keeps the rest", () => {
    expect(
      scrubUrl("https://app.example.com/reports?tab=all&token=abc&api_key=k&X-Amz-Signature=s&sessionId=1&page=2"),
    ).toBe(
      "https://app.example.com/reports?tab=all&token=[redacted]&api_key=[redacted]&X-Amz-Signature=[redacted]&sessionId=[redacted]&page=2",
    );
  });
  test("redacts OAuth fragments and hash-router query strings", () => {
    expect(scrubUrl("https://a.example/cb#access_token=xyz&token_type=bearer&state=s1")).toBe(
      "https://a.example/cb#access_token=[redacted]&token_type=[redacted]&state=s1",
    );
    expect(scrubUrl("https://a.example/#/reset?code=123&next=home")).toBe(
      "https://a.example/#/reset?code=[redacted]&next=home",
    );
    expect(scrubUrl("https://a.example/#section-2")).toBe("https://a.example/#section-2");
  });
  test("drops credentials in the authority and resolves relative URLs", () => {
    expect(scrubUrl("https://user:pw@a.example/x")).toBe("https://a.example/x");
    expect(scrubUrl("/api/v1?password=p", "https://a.example/page")).toBe(
      "https://a.example/api/v1?password=[redacted]",
    );
  });
  test("parameter names", () => {
    for (const name of [
      "token",
      "code",
      "key",
      "secret",
      "password",
      "auth",
      "session",
      "signature",
      "refreshToken",
      "client_secret",
    ])
      expect(isSecretParam(name), name).toBe(true);
    for (const name of ["tab", "page", "q", "sort", "state", "utm_source"])
      expect(isSecretParam(name), name).toBe(false);
  });
});

describe("text scrubbing", () => {
  test("emails, card-like numbers and URL secrets", () => {
    expect(scrubText("Mail jamie@northwind.example about 4111 1111 1111 1111")).toBe("Mail [email] about [number]");
    expect(scrubText("GET https://a.example/x?token=t1 failed")).toBe(
      "GET https://a.example/x?token=[redacted] failed",
    );
    expect(scrubText("Order 12345 shipped")).toBe("Order 12345 shipped");
  });
  test("short text collapses whitespace and truncates", () => {
    expect(shortText("  Save\n   changes ", 80)).toBe("Save changes");
    expect(shortText("x".repeat(100), 80)).toHaveLength(80);
  });
});

function node(
  tag: string,
  attrs: Record<string, string> = {},
  parent: SelectorNode | null = null,
): SelectorNode & { children: SelectorNode[] } {
  const n = {
    tagName: tag.toUpperCase(),
    id: attrs.id ?? "",
    getAttribute: (k: string) => attrs[k] ?? null,
    parentElement: parent,
    children: [] as SelectorNode[],
  };
  (parent as { children?: SelectorNode[] } | null)?.children?.push(n);
  return n;
}

describe("click selectors", () => {
  test("short paths that stop at an id or test attribute and skip generated class names", () => {
    const body = node("body");
    const main = node("main", { id: "main" }, body);
    const list = node("ul", { class: "reports css-1x2y3z" }, main);
    node("li", {}, list);
    const second = node("li", { class: "row active" }, list);
    const button = node("button", { class: "btn btn-primary sc-a1b2c3" }, second);
    expect(buildSelector(button)).toBe("main#main > ul.reports > li.row:nth-of-type(2) > button.btn.btn-primary");
    const tested = node("button", { "data-testid": "export" }, second);
    expect(buildSelector(tested)).toBe('button[data-testid="export"]');
  });
});

describe("input masking", () => {
  const el = (attrs: Record<string, string>, type?: string) => ({
    type,
    getAttribute: (k: string) => attrs[k] ?? null,
    hasAttribute: (k: string) => k in attrs,
  });
  test("passwords stay masked after a show-password toggle; payment and one-time codes too", () => {
    expect(isSensitiveInput(el({}, "password"))).toBe(true);
    expect(isSensitiveInput(el({ "data-rr-is-password": "true" }, "text"))).toBe(true);
    expect(isSensitiveInput(el({ autocomplete: "cc-number" }, "text"))).toBe(true);
    expect(isSensitiveInput(el({ autocomplete: "one-time-code" }, "text"))).toBe(true);
    expect(isSensitiveInput(el({ name: "card_cvc" }, "text"))).toBe(true);
    expect(isSensitiveInput(el({ name: "company" }, "text"))).toBe(false);
  });
});
