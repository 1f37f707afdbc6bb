import { afterEach, describe, expect, test, vi } from "vitest";
import { createMyNotificationsModel } from "../../console/src/account/my-notifications-model.js";
import { createTicketModel } from "../../console/src/ticket/ticket-model.js";
import type { TicketDetail } from "../../shared/index.js";

/** A fetch whose answer the test gives later, so it can look at the model while the save is in flight. */
function pendingFetch() {
  const calls: { url: string; init: RequestInit; answer: (status: number, body: unknown) => void }[] = [];
  vi.stubGlobal(
    "fetch",
    (url: string, init: RequestInit) =>
      new Promise<Response>((resolve) => {
        calls.push({
          url,
          init,
          answer: (status, body) =>
            resolve(new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } })),
        });
      }),
  );
  return calls;
}

const prefs = {
  emailEnabled: true,
  email: { assigned: true, escalated: true, bounced: true, critical: true },
  smtpConfigured: true,
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The account page's model after its first load answered `prefs`. */
async function loadedPrefs() {
  const calls = pendingFetch();
  const model = createMyNotificationsModel();
  const loading = model.load();
  calls[0]!.answer(200, prefs);
  await loading;
  return { calls, model };
}

describe("console: a box the agent clicks shows the new state while the save runs", () => {
  afterEach(() => vi.unstubAllGlobals());

  test("the clicked box stays off during the save and after the server agrees", async () => {
    const { calls, model } = await loadedPrefs();

    const saving = model.setKind("bounced", false, "Bounced back to me");
    expect(model.prefs.value?.email.bounced).toBe(false);
    expect(model.saving.value).toBe(true);
    await tick();
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ email: { bounced: false } });
    calls[1]!.answer(200, { ...prefs, email: { ...prefs.email, bounced: false } });
    await saving;
    expect(model.prefs.value?.email).toEqual({ assigned: true, escalated: true, bounced: false, critical: true });
    expect(model.status.value).toBe("Saved: Bounced back to me off.");
  });

  test("a refused save puts the box back and says why", async () => {
    const { calls, model } = await loadedPrefs();

    const saving = model.setEmailEnabled(false);
    expect(model.prefs.value?.emailEnabled).toBe(false);
    await tick();
    calls[1]!.answer(503, {
      error: { code: "unavailable", message: "The database is not reachable.", requestId: "r1" },
    });
    await saving;
    expect(model.prefs.value?.emailEnabled).toBe(true);
    expect(model.error.value?.message).toBe("The database is not reachable.");
    expect(model.status.value).toBe("");
  });

  test("a ticket's status select keeps the agent's choice while saving, and goes back when the change is refused", async () => {
    const calls = pendingFetch();
    const model = createTicketModel("t1");
    model.ticket.value = { id: "t1", status: "open", severity: "high", queue: "billing" } as unknown as TicketDetail;

    const saving = model.update({ status: "resolved" });
    expect(model.ticket.value?.status).toBe("resolved");
    expect(model.ticket.value?.severity).toBe("high");
    await tick();
    expect(calls[0]!.init.method).toBe("PATCH");
    calls[0]!.answer(409, { error: { code: "conflict", message: "Someone else closed it.", requestId: "r2" } });
    await saving;
    expect(model.ticket.value?.status).toBe("open");
    expect(model.actionError.value?.message).toBe("Someone else closed it.");
  });
});
