/** A separate server-like process for tests: runs the job queue on DATABASE_URL; "count" jobs record their pid. */
import { sql } from "drizzle-orm";
import { loadConfig } from "../../server/config.js";
import { openDatabase } from "../../server/db/client.js";
import { startJobs } from "../../server/jobs/start-jobs.js";

const databaseUrl = process.argv[2]!;
const database = await openDatabase({ databaseUrl });
const stop = await startJobs({
  database,
  config: { ...loadConfig({}), databaseUrl },
  tasks: {
    count: async (payload, ctx) => {
      await ctx.db.execute(sql`insert into job_runs (n, pid) values (${(payload as { n: number }).n}, ${process.pid})`);
    },
  },
});
console.log("ready");
process.stdin.resume();
process.stdin.on("end", async () => {
  await stop();
  await database.close();
  process.exit(0);
});
