import { afterEach, describe, expect, it } from "vitest";
import { uploadRecording } from "../../widget/transport/recording.js";

/** A browser XMLHttpRequest that sends every byte and then answers with the next scripted status. */
function fakeXhr(statuses: number[]) {
  return class {
    status = 0;
    responseText = "";
    upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
    onload?: () => void;
    onerror?: () => void;
    open() {}
    setRequestHeader() {}
    getResponseHeader() {
      return null;
    }
    send() {
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 });
        this.status = statuses.shift() ?? 500;
        this.responseText =
          this.status >= 300 ? JSON.stringify({ error: { code: "unavailable", message: "down" } }) : "";
        this.onload?.();
      });
    }
  };
}

const g = globalThis as unknown as { XMLHttpRequest?: unknown };
const saved = g.XMLHttpRequest;
afterEach(() => {
  g.XMLHttpRequest = saved;
});

describe("recording upload progress", () => {
  it("goes back to 0 while a refused upload waits for its retry, then reaches 100 % once stored", async () => {
    g.XMLHttpRequest = fakeXhr([503, 204]);
    const seen: number[] = [];
    await uploadRecording("https://h.example", "t1", "tok", new Blob(["x"]), (f) => seen.push(f), {
      sleep: async () => {
        seen.push(-1); // the wait between attempts
      },
    });
    // The refused attempt reached 100 %; during the wait the customer reads 0 %, not 100 %.
    expect(seen).toEqual([1, 0, -1, 1, 1]);
  });
});
