/**
 * A process that opens the embedded database in argv[2], writes argv[3] into a table, says "ready" and waits:
 * tests kill it however they like and look at what the next process finds.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../../server/db/client.js";

const database = await openDatabase({ dataDir: process.argv[2]! });
await database.db.execute(sql`create table if not exists held (note text not null)`);
await database.db.execute(sql`insert into held (note) values (${process.argv[3] ?? ""})`);
process.stdout.write("ready\n");
setInterval(() => {}, 60_000);
