import { describe, expect, test } from "vitest";
import { ApiError } from "../../widget/transport/api-error.js";
import { backoffDelay, withRetry } from "../../widget/transport/http.js";
import { fitBody } from "../../widget/body.js";
import { normalizeConfig, optionsFromDataset, safeColor } from "../../widget/config.js";
import { mergeMetadata, cleanIdentity } from "../../widget/api.js";
import { loadStrings, localeFor } from "../../widget/ui/strings.js";
import { loadFormStrings } from "../../widget/ui/strings-form.js";

/** The dialog's words as the widget puts them together: the launcher's (before it shows) and the form's (with it). */
const words = async (locale: string, overrides?: Record<string, unknown>) => ({
  ...(await loadStrings(locale, overrides)),
  ...(await loadFormStrings(locale, overrides)),
});
import { describeFailure } from "../../widget/ui/errors.js";

describe("widget transport", () => {
  test("retries network errors, 5xx, 408 and 429 (honouring Retry-After), but not other 4xx", async () => {
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    const outcomes = [
      new ApiError(0, "network_error", "x"),
      new ApiError(503, "unavailable", "x"),
      new ApiError(429, "rate_limited", "x"),
    ];
    let calls = 0;
    const value = await withRetry(
      async () => {
        const error = outcomes[calls++];
        return error
          ? { ok: false as const, error, retryAfter: error.status === 429 ? "2" : null }
          : { ok: true as const, value: "done" };
      },
      { sleep, attempts: 5 },
    );
    expect(value).toBe("done");
    expect(calls).toBe(4);
    expect(delays[2]).toBe(2000);

    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          return { ok: false as const, error: new ApiError(422, "validation_failed", "bad") };
        },
        {
          sleep,
        },
      ),
    ).rejects.toMatchObject({ status: 422 });
    expect(calls).toBe(1);
  });

  test("backoff grows exponentially with jitter and is capped", () => {
    expect(backoffDelay(0, null, 500, 30_000, () => 0)).toBe(250);
    expect(backoffDelay(3, null, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffDelay(20, null, 500, 30_000, () => 1)).toBe(30_000);
  });

  test("oversized context is trimmed, the customer's words never", () => {
    const click = (i: number) => ({ t: i, selector: "button".repeat(40), tag: "button", x: 0, y: 0 });
    const body = fitBody(
      {
        email: "a@b.co",
        subject: "s",
        description: "d".repeat(5000),
        pageUrl: "https://a.example",
        context: {
          clicks: Array.from({ length: 50 }, (_, i) => click(i)),
          navigation: [],
          console: [{ t: 1, level: "error", kind: "console", message: "m", stack: "s".repeat(4000) }],
          network: [],
          metadata: {},
        },
      },
      8_000,
    );
    expect(JSON.stringify(body).length).toBeLessThanOrEqual(8_000);
    expect(body.description).toHaveLength(5000);
    expect(body.context!.clicks!.at(-1)!.t).toBe(49); // the newest are kept
  });
});

describe("widget configuration and API input", () => {
  test("data attributes with defaults", () => {
    const config = normalizeConfig(optionsFromDataset({ siteKey: "pk_demo" }), "https://support.example");
    expect(config).toMatchObject({
      siteKey: "pk_demo",
      apiOrigin: "https://support.example",
      windowSeconds: 60,
      maskInputs: true,
      position: "bottom-right",
    });
    const custom = normalizeConfig(
      optionsFromDataset({
        siteKey: "k",
        apiOrigin: "https://api.example/x",
        windowSeconds: "30",
        maskInputs: "false",
        position: "bottom-left",
        color: "#ff0000",
      }),
      "https://cdn.example",
    );
    expect(custom).toMatchObject({
      apiOrigin: "https://api.example",
      windowSeconds: 30,
      maskInputs: false,
      position: "bottom-left",
      color: "#ff0000",
    });
    expect(safeColor("red;}body{display:none")).toBeUndefined();
  });

  test("identity and metadata are cleaned to what the server accepts", () => {
    expect(cleanIdentity({ id: 42, email: "nope", name: " Jamie ", extra: "x" })).toEqual({ id: "42", name: "Jamie" });
    const meta = mergeMetadata({ a: 1 }, { b: "x".repeat(600), c: { nested: true }, d: null });
    expect(meta).toEqual({ a: 1, b: "x".repeat(500), d: null });
  });

  test("locales, text overrides and error messages", async () => {
    expect((await words(localeFor("de-AT"))).send).toBe("Senden");
    expect((await words(localeFor(undefined, ["fr-FR"]))).send).toBe("Envoyer");
    expect(localeFor("xx", ["en-GB", "de"])).toBe("en");
    expect((await words(localeFor("xx"))).send).toBe("Send");
    const custom = await words("de", {
      launcherText: "Fragen?",
      created: "not a template",
      nope: "x",
      title: " ",
    });
    expect(custom.launcherText).toBe("Fragen?");
    expect(custom.title).toBe("Support kontaktieren"); // blank overrides are ignored
    expect(custom.created("HO-1")).toBe("Ticket HO-1 erstellt"); // templated texts keep their wording
    expect("nope" in custom).toBe(false);
    const t = await words("en");
    expect(
      describeFailure(
        new ApiError(422, "validation_failed", "bad", [{ path: "email", message: "enter a valid email address" }]),
        t,
      ),
    ).toEqual({
      kind: "fields",
      fields: { email: "enter a valid email address" },
      message: t.errorFix,
    });
    expect(describeFailure(new ApiError(0, "network_error", "x"), t)).toEqual({
      kind: "message",
      message: t.errorNetwork,
    });
  });
});
