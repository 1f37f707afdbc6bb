import { afterEach, describe, expect, test, vi } from "vitest";
import {
  flushNotificationOutboxSoon,
  settleOutboxFlushes,
} from "../../server/services/notifications/flush-notification-outbox.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";

// A flush that finds its database closed (shutdown, a test's teardown) leaves its rows to the next flush anywhere:
// it is not an error for an operator's log.
describe.each(DATABASE_KINDS)("notification outbox flush on a closed database (%s)", (kind) => {
  afterEach(() => vi.restoreAllMocks());

  test("logs nothing", async () => {
    const database = await freshDatabase(kind);
    await database.close();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    flushNotificationOutboxSoon(database.db);
    await settleOutboxFlushes();
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
  });
});
