import { loadConfig } from "./config.js";
import { startServer } from "./start.js";
import { DataDirInUseError } from "./db/data-dir-lock.js";
import { DatabaseUnreachableError } from "./db/database-unreachable.js";
import { DataDirUnusableError } from "./db/data-dir-unusable.js";
import { BucketSettingsError } from "./storage/check-bucket-settings.js";
import { logger } from "./observability/logger.js";

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    // A setting the operator mistyped: its name and what it expects, not a stack trace.
    console.error(`\nHandoff did not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
})();
const running = await startServer(config).catch((error: NodeJS.ErrnoException) => {
  // What a person starting it can fix, said plainly; anything else keeps its stack.
  if (error instanceof DataDirInUseError) console.error(`\n${error.message}\n`);
  else if (
    error instanceof DatabaseUnreachableError ||
    error instanceof DataDirUnusableError ||
    error instanceof BucketSettingsError
  )
    console.error(`\nHandoff did not start: ${error.message}\n`);
  else if (error.code === "EADDRINUSE")
    console.error(
      `\nPort ${config.port} is already in use (another Handoff, or another server). Stop it, or start this one with PORT=<another port>.\n`,
    );
  else throw error;
  process.exit(1);
});
const { bootstrap } = running;

const login = bootstrap.generatedPassword
  ? `${config.adminEmail} / ${bootstrap.generatedPassword}   (generated now and shown once, good for the first login only: you choose your own then; or set HANDOFF_ADMIN_PASSWORD)`
  : bootstrap.adminCreated
    ? `${config.adminEmail} / the password in HANDOFF_ADMIN_PASSWORD`
    : `your existing agent account (first admin: ${config.adminEmail})`;

console.log(`
Handoff is running on ${running.dbKind === "pglite" ? `the embedded database (${config.dataDir})` : "PostgreSQL"}.

${config.demo ? `  Demo app (with the widget):  ${running.url}/demo/   -> click "Help" at the bottom right\n` : ""}  Agent console:               ${running.url}/console/
  Log in with:                 ${login}
  Script tag for your app:     <script src="${running.url}/widget.js" data-site-key="${bootstrap.workspace.siteKey}" async></script>
                               (then allow your app's origin in Admin > Widget settings, which lists the pages refused so far, or set HANDOFF_ALLOWED_ORIGINS)
${config.demo && !bootstrap.demoSharesWorkspaceKey ? `                               (the demo app uses its own key, ${config.demoSiteKey}, whose identity signatures are good on it only)\n` : ""}`);

if (bootstrap.demoSharesWorkspaceKey)
  logger.warn(
    { siteKey: bootstrap.workspace.siteKey },
    "this workspace's first site key is the demo app's key (created before the demo had a key of its own): the demo signs identify() with the secret your apps use. Create a new site key for your apps in Admin, or turn the demo off (HANDOFF_DEMO=0)",
  );

logger.info({ url: running.url, db: running.dbKind }, "listening");

// SIGTERM (docker stop, the orchestrator) and SIGINT: drain, then exit; a second signal exits at once.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, "shutting down: draining requests");
    process.once(signal, () => process.exit(1));
    try {
      await running.close();
      logger.info("stopped");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
  });
}
