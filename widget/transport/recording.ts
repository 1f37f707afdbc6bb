import { WIDGET_PATHS } from "../../shared/widget-paths.js";
import { ApiError, isRetryableStatus, networkError } from "./api-error.js";
import { type RetryOptions, withRetry } from "./http.js";
import { toJson } from "./json.js";

/** gzip of JSON.stringify(events) (safe from a page's Array.prototype.toJSON), via the browser's CompressionStream. */
export async function gzipJson(value: unknown): Promise<Blob> {
  const json = new Blob([toJson(value)], { type: "application/json" });
  const stream = json.stream().pipeThrough(new CompressionStream("gzip"));
  return new Response(stream).blob();
}

function put(url: string, token: string, body: Blob, onProgress?: (fraction: number) => void) {
  // XHR, not fetch: it reports upload progress.
  return new Promise<
    { ok: true; value: undefined } | { ok: false; error: ApiError; retryAfter?: string | null; stalled?: boolean }
  >((resolve) => {
    const xhr = new XMLHttpRequest();
    // 20 s without a byte going out or an answer coming (a proxy that holds it, a connection gone silent): given up
    // on, kept for later; the customer read "Uploading recording… 100 %" for good.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        xhr.abort();
        resolve({ ok: false, error: networkError(new Error("No answer")), stalled: true });
      }, 20_000);
    };
    xhr.onloadend = () => clearTimeout(timer);
    xhr.open("PUT", url);
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      idle();
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true, value: undefined });
      let parsed: { error?: { code?: string; message?: string; issues?: [] } } | undefined;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      const error = new ApiError(
        xhr.status,
        parsed?.error?.code || `http_${xhr.status}`,
        parsed?.error?.message || "Upload failed",
        parsed?.error?.issues,
      );
      resolve({
        ok: false,
        error,
        retryAfter: isRetryableStatus(xhr.status) ? xhr.getResponseHeader("Retry-After") : null,
      });
    };
    xhr.onerror = () => resolve({ ok: false, error: networkError(new Error("Network error")) });
    idle();
    xhr.send(body);
  });
}

/** Uploads a compressed recording for a ticket that already exists. */
export async function uploadRecording(
  apiOrigin: string,
  ticketId: string,
  uploadToken: string,
  body: Blob,
  onProgress?: (fraction: number) => void,
  retry?: RetryOptions,
): Promise<void> {
  const url = apiOrigin + WIDGET_PATHS.recording(ticketId);
  // A refused attempt sent every byte (100 %) for nothing: back to 0 while the retry waits, not "100 %" for seconds.
  await withRetry(
    () =>
      put(url, uploadToken, body, onProgress).then((result) => {
        if (!result.ok) onProgress?.(0);
        return result;
      }),
    retry,
  );
  onProgress?.(1);
}
