import { existsSync } from "node:fs";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { connectionOptions, parseDatabaseUrl } from "../../server/db/client.js";

describe("DATABASE_URL", () => {
  it("takes libpq's Unix-socket form, with its empty host, as the README documents it", () => {
    const options = connectionOptions("postgres://handoff@/support?host=/var/run/postgresql");
    expect(options).toMatchObject({ host: "/var/run/postgresql", database: "support", username: "handoff" });
    expect(connectionOptions("postgresql://handoff:s%40cret@/support?host=/tmp")).toMatchObject({
      host: "/tmp",
      password: "s@cret",
    });
  });

  it("reads an ordinary URL's parts, percent-encoding undone", () => {
    expect(connectionOptions("postgres://app:p%2Fw%3Fd@db.internal:6432/handoff")).toMatchObject({
      host: "db.internal",
      port: 6432,
      database: "handoff",
      username: "app",
      password: "p/w?d",
    });
  });

  it("refuses a malformed URL with what is expected, never echoing it (it may hold a password)", () => {
    const attempt = () => parseDatabaseUrl("postgres://app:hunter2@db.internal:port/handoff");
    expect(attempt).toThrow(/postgres:\/\/user:password@host:5432\/database/);
    expect(attempt).not.toThrow(/hunter2/);
  });

  // The machine's own PostgreSQL, when it has one listening on the usual socket.
  it.skipIf(!existsSync("/var/run/postgresql/.s.PGSQL.5432") || !process.env.TEST_DATABASE_URL)(
    "connects through the socket",
    async () => {
      const database = parseDatabaseUrl(process.env.TEST_DATABASE_URL!).pathname.slice(1);
      const sql = postgres(connectionOptions(`postgres://postgres@/${database}?host=/var/run/postgresql`, 1));
      try {
        const [row] = await sql<{ socket: boolean }[]>`select inet_server_addr() is null as socket`;
        expect(row!.socket).toBe(true);
      } finally {
        await sql.end();
      }
    },
  );
});
