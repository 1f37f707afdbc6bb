/**
 * The run's migrated PostgreSQL template, next to TEST_DATABASE_URL's database: the global setup creates it once and
 * freshDatabase() copies it (CREATE DATABASE … TEMPLATE) instead of migrating every test database from scratch.
 * Named after the vitest process, so two runs never share one; vitest.config.ts hands the name to the tests as
 * HANDOFF_TEST_POSTGRES_TEMPLATE (empty: no template, each database migrates as before).
 */
export function postgresTemplateName(databaseUrl: string | undefined): string {
  if (!databaseUrl) return "";
  const name = decodeURIComponent(new URL(databaseUrl.replace(/@(?=[/?#])/, "@localhost")).pathname.slice(1));
  return `${name.slice(0, 40)}_tpl_${process.pid}`;
}

/** `create database` for a test database, from the run's template when there is one. */
export function createDatabaseStatement(name: string): string {
  const template = process.env.HANDOFF_TEST_POSTGRES_TEMPLATE;
  return template ? `create database "${name}" template "${template}"` : `create database "${name}"`;
}

/** Creates and migrates the template; the returned teardown drops it. */
export async function writePostgresTemplate(databaseUrl: string, template: string): Promise<() => Promise<void>> {
  const { default: postgres } = await import("postgres");
  const { connectionOptions, openDatabase, parseDatabaseUrl } = await import("../../server/db/client.js");
  const admin = postgres(connectionOptions(databaseUrl, 1));
  await admin.unsafe(`drop database if exists "${template}" with (force)`);
  await admin.unsafe(`create database "${template}"`);
  const url = parseDatabaseUrl(databaseUrl);
  url.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await database.close();
  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end();
  };
}
