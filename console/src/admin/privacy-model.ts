import { signal } from "@preact/signals";
import {
  type CustomerSelector,
  type ErasureResult,
  erasureResultSchema,
  PRIVACY_PATHS,
  type PrivacyAuditEntry,
  privacyAuditListSchema,
  type RetentionSettings,
  retentionSettingsSchema,
  type RetentionSweepResult,
  retentionSweepResultSchema,
} from "../../../shared/index.js";
import { ApiError, json, send } from "../api.js";

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError(0, "network", String(caught));

/** Retention settings, erasure and export of one customer, and the privacy audit (admin screen). */
export function createPrivacyModel() {
  const retention = signal<RetentionSettings | null>(null);
  const audit = signal<PrivacyAuditEntry[]>([]);
  const busy = signal(false);
  const error = signal<ApiError | null>(null);
  const notice = signal("");

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    notice.value = "";
    try {
      return await work();
    } catch (caught) {
      error.value = asApiError(caught);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  async function load(): Promise<void> {
    await run(async () => {
      retention.value = await json(PRIVACY_PATHS.retention, retentionSettingsSchema);
      audit.value = (await json(PRIVACY_PATHS.audit, privacyAuditListSchema)).entries;
    });
  }

  async function saveRetention(settings: RetentionSettings): Promise<void> {
    const saved = await run(() =>
      json(PRIVACY_PATHS.retention, retentionSettingsSchema, { method: "PUT", body: settings }),
    );
    if (saved) {
      retention.value = saved;
      notice.value = "Retention saved.";
    }
  }

  async function sweepNow(): Promise<void> {
    const result: RetentionSweepResult | undefined = await run(() =>
      json(PRIVACY_PATHS.sweep, retentionSweepResultSchema, { method: "POST" }),
    );
    if (result) {
      await load();
      notice.value = result.ran
        ? `Retention ran: ${result.recordingsDeleted} recordings deleted, ${result.ticketsAnonymised} tickets anonymised.`
        : "Another server process is applying retention right now.";
    }
  }

  async function erase(who: CustomerSelector): Promise<ErasureResult | undefined> {
    const result = await run(() => json(PRIVACY_PATHS.erase, erasureResultSchema, { method: "POST", body: who }));
    if (result) {
      await load();
      // Nothing matched is most often a typo in the address: "Erased: 0 tickets…" read as done.
      notice.value =
        result.tickets === 0
          ? `No ticket was filed by ${who.email ?? `the user id ${who.customerId}`}: nothing was erased. Check the spelling (an email matches in any case).`
          : `Erased: ${result.tickets} tickets, ${result.messages} messages, ${result.recordings} recordings, ${result.attachments} attachments.`;
    }
    return result;
  }

  /** Downloads the customer's archive through a temporary link. */
  async function exportData(who: CustomerSelector): Promise<void> {
    await run(async () => {
      const response = await send(PRIVACY_PATHS.export, { method: "POST", body: who });
      const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "export.tar.gz";
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement("a"), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      notice.value = `Exported to ${name}.`;
    });
  }

  return { retention, audit, busy, error, notice, load, saveRetention, sweepNow, erase, exportData };
}
export type PrivacyModel = ReturnType<typeof createPrivacyModel>;
