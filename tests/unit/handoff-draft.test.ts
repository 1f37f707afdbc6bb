import { describe, expect, it } from "vitest";
import { draftHandoff } from "../../shared/handoff-draft.js";
import { escalationCreateSchema } from "../../shared/escalation-api.js";
import { captureContextSchema, type CaptureContextInput } from "../../shared/context.js";

const T = 1_700_000_000_000;
const source = (
  context: CaptureContextInput,
  recording = { startedAt: (T - 30_000) as number | null, durationMs: 30_000 as number | null },
) => ({
  subject: "Export broken",
  pageUrl: "https://app.example/reports?tab=export",
  context: captureContextSchema.parse(context),
  recording,
});

const click = (t: number, rage = false) => ({
  t,
  selector: "button#export",
  tag: "button",
  text: "Export",
  x: 1,
  y: 1,
  ...(rage ? { rage } : {}),
});

describe("draftHandoff", () => {
  it("summarises clicks, failed requests and the console error in one sentence", () => {
    const draft = draftHandoff(
      source({
        clicks: [
          click(T - 12_000),
          click(T - 11_800),
          click(T - 11_600, true),
          { t: T - 20_000, selector: "a.nav", tag: "a", text: "Reports", x: 0, y: 0 },
        ],
        network: [
          { t: T - 11_900, method: "post", url: "https://app.example/api/export?x=1", status: 500, durationMs: 90 },
          { t: T - 11_500, method: "POST", url: "https://app.example/api/export", status: 500, durationMs: 80 },
        ],
        console: [{ t: T - 11_400, level: "error", message: "TypeError: x is undefined\n    at run (app.js:1:1)" }],
      }),
    );
    expect(draft.summary).toBe(
      "On /reports the customer clicked Export 3 times; POST /api/export returned 500 twice; console: TypeError: x is undefined",
    );
    expect(escalationCreateSchema.shape.summary.safeParse(draft.summary).success).toBe(true);
  });

  it("among elements clicked as often, names the latest one (the click that led to the failure, not the menu link)", () => {
    const draft = draftHandoff(
      source({
        clicks: [{ t: T - 20_000, selector: "a.nav", tag: "a", text: "Reports", x: 0, y: 0 }, click(T - 12_000)],
        network: [
          { t: T - 11_900, method: "POST", url: "https://app.example/api/export", status: 500, durationMs: 90 },
        ],
      }),
    );
    expect(draft.summary).toBe("On /reports the customer clicked Export once; POST /api/export returned 500 once");
  });

  it("offers failed requests, errors and rage clicks inside the recording as replay moments, in time order", () => {
    const draft = draftHandoff(
      source({
        clicks: [click(T - 10_000, true), click(T - 9_900, true)],
        network: [
          {
            t: T - 12_000,
            method: "GET",
            url: "https://app.example/api/data",
            status: 0,
            durationMs: 1,
            error: "Failed to fetch",
          },
          { t: T - 60_000, method: "GET", url: "https://app.example/api/old", status: 500, durationMs: 1 },
        ],
        console: [
          { t: T - 5_000, level: "error", message: "Boom" },
          { t: T - 4_000, level: "warn", message: "meh" },
        ],
      }),
    );
    expect(draft.replayMoments).toEqual([
      { atMs: 18_000, note: "GET /api/data got no response" },
      { atMs: 20_000, note: 'rage clicks on "Export"' },
      { atMs: 25_000, note: "console: Boom" },
    ]);
  });

  it("keeps captured sentence breaks from turning the summary into several sentences", () => {
    const draft = draftHandoff(source({ console: [{ t: T, level: "error", message: "Failed. Please retry! Now" }] }));
    expect(draft.summary).toBe('On /reports the customer reported "Export broken"; console: Failed, Please retry, Now');
    expect(escalationCreateSchema.shape.summary.safeParse(draft.summary).success).toBe(true);
  });

  it("offers no replay moments without a stored recording", () => {
    const draft = draftHandoff(
      source({ console: [{ t: T, level: "error", message: "Boom" }] }, { startedAt: null, durationMs: null }),
    );
    expect(draft.replayMoments).toEqual([]);
  });
});
