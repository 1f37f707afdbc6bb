import type { Sql } from "postgres";

/**
 * drizzle runs every query it did not name as an unnamed statement, and postgres.js then asks the server for the
 * parameter types before it sends the values: two round trips a query (Parse/Describe, then Bind/Execute). Prepared
 * (postgres.js's own default), a query seen before on a connection is one round trip: the ingest path's cost is its
 * round trips. Transactions and savepoints get the same client. `prepare: false` (HANDOFF_DB_PREPARE=false) is for
 * a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
 */
export function preparedStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, parameters as never, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const callback = args.at(-1) as (sql: Sql) => unknown;
          return original.apply(target, [...args.slice(0, -1), (sql: Sql) => callback(preparedStatements(sql))]);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
