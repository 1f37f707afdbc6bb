import { loadConfig } from "./config.js";
import { startServer } from "./start.js";
import { logger } from "./observability/logger.js";

const config = loadConfig();
const running = await startServer(config);
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
`);

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
