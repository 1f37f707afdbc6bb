import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/client.js";
import { prebuilt } from "../../server/db/prebuilt.js";
import { DATABASE_KINDS, freshDatabase } from "../helpers/databases.js";

describe.each(DATABASE_KINDS)("prebuilt statements on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database?.close());

  const sum = prebuilt<{ total: number; label: string; none: string | null }>(
    "select $1::integer + $2::integer as total, $3 || '-' || $1::text as label, $4::text as none",
  );

  it("runs with positional parameters on the driver, a parameter used twice included", async () => {
    expect(await sum(database.db, [2, 3, "x", null])).toEqual([{ total: 5, label: "x-2", none: null }]);
    // Again: postgres.js has it prepared on the connection now.
    expect(await sum(database.db, [40, 2, "y", null])).toEqual([{ total: 42, label: "y-40", none: null }]);
  });

  it("gives the same rows inside a transaction, where it goes through drizzle", async () => {
    const rows = await database.db.transaction((tx) => sum(tx, [2, 3, "x", null]));
    expect(rows).toEqual([{ total: 5, label: "x-2", none: null }]);
  });

  it("writes inside the caller's transaction: a rollback takes its row back", async () => {
    const count = prebuilt<{ key: string }>(
      "insert into rate_limit_counters (key, count, reset_at) values ($1, 1, now() + interval '1 minute') returning key",
    );
    const rolledBack = new Error("roll back");
    await expect(
      database.db.transaction(async (tx) => {
        expect(await count(tx, ["prebuilt:rolled-back"])).toEqual([{ key: "prebuilt:rolled-back" }]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    await count(database.db, ["prebuilt:kept"]);
    const keys = prebuilt<{ key: string }>(
      "select key from rate_limit_counters where key like 'prebuilt:%' order by key",
    );
    expect(await keys(database.db, [])).toEqual([{ key: "prebuilt:kept" }]);
  });
});
