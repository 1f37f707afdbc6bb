/**
 * Secrets without a digit in a recording's identifier attributes and data-* values (issue #12): a key of letters
 * only, Stripe/GitHub/GitLab/Slack keys that happen to hold no digit. Ids and classes without an @, % or digit used not
 * to be looked at, and a long run needed a digit to count as random. Ordinary names (BEM, camelCase with acronyms,
 * library classes) must stay as they are: the page's CSS and replay's selectors use them.
 */
import { describe, expect, test } from "vitest";
import { makeTextMasker, maskPatterns } from "../../widget/capture/patterns.js";
import { sanitizeEvent } from "../../widget/recorder/sanitize.js";
import { KEYS } from "../helpers/mask-cases.js";

const mask = makeTextMasker({ all: false, patterns: true });
const patterns = (text: string) => maskPatterns(text);
const el = (tagName: string, attributes: Record<string, string>) => ({ type: 2, tagName, attributes, childNodes: [] });
const snapshot = (...childNodes: object[]) => ({ type: 2, data: { node: { type: 0, childNodes } } });
const sanitized = <T extends { type: number }>(event: T) => {
  sanitizeEvent(event, () => false, mask, undefined, { patterns });
  return JSON.stringify(event);
};
const SECRETS = [KEYS.letters, KEYS.stripeLetters, KEYS.githubLetters, KEYS.gitlabLetters, KEYS.slackLetters];
// What a key becomes: its service's prefix, then dots.
const masked = (key: string) =>
  key.replace(/^((?:[a-z]+_)*[a-z]+[_-])?(.*)$/, (_, p = "", rest) => p + "•".repeat(rest.length));

describe("keys without digits in ids, classes and data-* values", () => {
  test("masked in the snapshot, the prefix and the other class tokens kept", () => {
    const nodes = SECRETS.map((key) =>
      el("div", { id: key, class: `key-box ${key} is-active`, "data-key": key, "aria-controls": `panel-${key}` }),
    );
    const json = sanitized(snapshot(...nodes));
    for (const key of SECRETS) expect(json, key).not.toContain(key.slice(-12));
    for (const [i, key] of SECRETS.entries()) {
      expect(nodes[i].attributes.id).toBe(masked(key));
      expect(nodes[i].attributes.class).toBe(`key-box ${masked(key)} is-active`);
      expect(nodes[i].attributes["data-key"]).toBe(masked(key));
    }
  });

  test("and in later changes", () => {
    const changes = SECRETS.map((key, id) => ({ id, attributes: { class: `token ${key}`, "data-token": key } }));
    const json = sanitized({ type: 3, data: { source: 0, attributes: changes } });
    for (const key of SECRETS) expect(json, key).not.toContain(key.slice(-12));
    expect(changes[0].attributes.class).toBe(`token ${masked(KEYS.letters)}`);
  });

  test("letters-only keys with long runs of one case: masked in text and attributes", () => {
    for (const key of KEYS.lettersLongRuns) {
      expect(maskPatterns(`key ${key} ok`)).toBe(`key ${"•".repeat(key.length)} ok`);
      const node = el("div", { "data-key": key });
      expect(sanitized(snapshot(node))).not.toContain(key.slice(-12));
    }
  });

  test("random keys of 32 letters: fewer than 1 in 50 left readable (was 1 in 24)", () => {
    let seed = 12;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    const keys = Array.from({ length: 2000 }, () =>
      Array.from({ length: 32 }, () => letters[Math.floor(next() * 52)]).join(""),
    );
    const readable = keys.filter((key) => maskPatterns(key) === key);
    expect(readable.length).toBeLessThan(keys.length / 50);
  });

  test("ordinary long names stay: BEM, camelCase with acronyms, library classes", () => {
    const names = [
      "header__nav-item--active",
      "c-product-card__image-wrapper--is-active",
      "react-select-3-input",
      "getHTMLElementByIDForXMLHttpRequestHandler",
      "isUSBDeviceConnectedViaHIDOrWebUSBApi",
      "MuiButtonBase-root MuiIconButton-root MuiIconButton-sizeMedium",
      "ReactQueryDevtoolsPanel__QueryRowIsStale",
      "navbarCollapseToggleButtonIconWrapper",
      // Real identifiers of 32+ letters with few changes of case (bench/mask-key-rule.ts checks 1,525 of them).
      "ActivationNavigationDestroyedBeforeSuccess",
      "EndpointParameterInstructionsSupplier",
      "HttpAuthSchemeMiddlewareHandlerExecutionContext",
      "PrefetchNotEligibleSchemeIsNotHttps",
      "TokenVerificationSdJwtJwksMissingKeys",
    ];
    const nodes = names.map((name) => el("div", { id: name, class: name, "data-testid": name }));
    sanitized(snapshot(...nodes));
    expect(nodes.map((n) => [n.attributes.id, n.attributes.class, n.attributes["data-testid"]])).toEqual(
      names.map((name) => [name, name, name]),
    );
  });
});
