import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as coreSchema from "./schema.js";
import * as metricsSchema from "./schema-metrics.js";
import * as storageSchema from "./schema-storage.js";
import * as hardeningSchema from "./schema-hardening.js";
import { preparedStatements } from "./prepared-statements.js";
import { lockDataDir } from "./data-dir-lock.js";
import { DatabaseUnreachableError } from "./database-unreachable.js";
import { DataDirUnusableError } from "./data-dir-unusable.js";

const schema = { ...coreSchema, ...metricsSchema, ...storageSchema, ...hardeningSchema };

export type Schema = typeof schema;
/** Either driver's database, or a transaction of it: services accept any of these. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));

export interface OpenOptions {
  /** postgres://… ; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** postgres.js pool size (default 10). */
  poolSize?: number;
  /** Prepared statements on PostgreSQL (default true; see prepared-statements.ts). */
  prepare?: boolean;
}

/** Opens the database and applies the committed migrations. The returned close() is its teardown. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize, options.prepare ?? true)
    : openPglite(options.dataDir);
}

async function openPglite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // The directory itself, not only its parent: the lock is named after its real path, which needs it to exist.
  if (dataDir) prepareDataDir(resolve(dataDir));
  const unlock = dataDir ? await lockDataDir(dataDir) : async () => {};
  try {
    const client = dataDir ? new PGlite(dataDir) : new PGlite({ loadDataDir: await testTemplate() });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    const close = async () => {
      await client.close();
      await unlock();
    };
    return { db: db as unknown as Db, kind: "pglite", close };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** Creates the directory and checks it can be written: PGlite would otherwise fail deep inside its file system layer. */
function prepareDataDir(dir: string) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new DataDirUnusableError(dir, error as NodeJS.ErrnoException);
  }
}

/**
 * An in-memory database (only tests keep one) starts from HANDOFF_TEST_PGLITE_TEMPLATE under NODE_ENV=test: a data
 * directory the test run's global setup migrated once and dumped (tests/helpers/pglite-template.ts). PGlite's own
 * initdb takes 3 to 15 s on a loaded 2-core box and the suite opens hundreds; the migrations still run after it.
 */
async function testTemplate(): Promise<Blob | undefined> {
  const path = process.env.NODE_ENV === "test" ? process.env.HANDOFF_TEST_PGLITE_TEMPLATE : undefined;
  return path && existsSync(path) ? new Blob([await readFile(path)]) : undefined;
}

async function openPostgres(databaseUrl: string, poolSize: number | undefined, prepare: boolean): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const pool = postgres(connectionOptions(databaseUrl, poolSize));
  const client = prepare ? preparedStatements(pool) : pool;
  const db = drizzle(client, { schema });
  // Several server processes may start at once: one migrates, the others wait on the lock.
  const lock = postgres(connectionOptions(databaseUrl, 1));
  try {
    await lock`select pg_advisory_lock(727274)`;
    await migrate(db, { migrationsFolder: MIGRATIONS });
    await lock`select pg_advisory_unlock(727274)`;
  } catch (error) {
    await pool.end({ timeout: 0 });
    const { host, port, database } = connectionOptions(databaseUrl);
    throw DatabaseUnreachableError.from(`${host}:${port}/${database}`, error);
  } finally {
    await lock.end();
  }
  return { db: db as unknown as Db, kind: "postgres", close: () => pool.end({ timeout: 5 }) };
}

/**
 * A database URL as libpq reads it. For a Unix socket libpq leaves the host empty (postgres://user@/db?host=/path),
 * which the URL standard refuses once credentials precede it: such a URL is read as if its host were "localhost" (the
 * `host` parameter decides). A URL that still does not parse is refused without being echoed: it may hold a password.
 */
export function parseDatabaseUrl(databaseUrl: string): URL {
  const withHost = databaseUrl.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)(?=[/?#]|$)/i, "$1localhost");
  try {
    return new URL(withHost);
  } catch {
    throw new Error(
      "DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database, or postgres://user@/database?host=/var/run/postgresql for a Unix socket (special characters in the password percent-encoded)",
    );
  }
}

/**
 * postgres.js takes a Unix socket only in object form: postgres://user@/db?host=/var/run/postgresql
 * is turned into { host: "/var/run/postgresql", ... }.
 */
export function connectionOptions(databaseUrl: string, max = 10) {
  const url = parseDatabaseUrl(databaseUrl);
  const socketHost = url.searchParams.get("host");
  const quiet = { onnotice: () => {}, max };
  if (socketHost?.startsWith("/")) {
    return {
      ...quiet,
      host: socketHost,
      port: Number(url.port || 5432),
      database: decodeURIComponent(url.pathname.slice(1)),
      username: decodeURIComponent(url.username) || undefined,
      password: decodeURIComponent(url.password) || undefined,
    };
  }
  return {
    ...quiet,
    host: url.hostname,
    port: Number(url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)),
    username: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    ssl: sslMode(url),
  };
}

/**
 * libpq's sslmode in postgres.js terms. postgres.js "require" encrypts without checking the certificate, so the
 * verify modes pass TLS options that do: verify-full checks the chain and the host name, verify-ca the chain only.
 */
export function sslMode(
  url: URL,
): "require" | "prefer" | false | { rejectUnauthorized: true; checkServerIdentity?: () => undefined } {
  const mode = url.searchParams.get("sslmode");
  if (mode === "verify-full") return { rejectUnauthorized: true };
  if (mode === "verify-ca") return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
  if (mode === "require") return "require";
  if (mode === "prefer") return "prefer";
  return false;
}
