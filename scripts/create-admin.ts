// npm run create-admin -- --email head@school.example --username head [--name "Head Teacher"]
// Creates an admin account and prints its invitation link (also queued as an
// email): the way to a first admin on a site started with SEED_DEMO=off.
// With the embedded database, stop the server first (one process at a time).
import { parseArgs } from "node:util";
import { openConfiguredDatabase } from "@/db";
import { runMigrations } from "@/db/migrate";
import { createAdminFromCommandLine } from "@/lib/users/create-admin-command";
import { runScript } from "./run-script";

await runScript(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, username: { type: "string" }, name: { type: "string" } } });
  const handle = openConfiguredDatabase("create-admin");
  try {
    await runMigrations(handle);
    const outcome = await createAdminFromCommandLine(handle.db, values);
    if (!outcome.ok) {
      console.error(`\nNo account was created:\n${outcome.errors.map((error) => `  ${error}`).join("\n")}\n`);
      process.exitCode = 1;
      return;
    }
    const { admin } = outcome;
    console.log(`\nCreated the admin ${admin.email}. Set its password through this link (until ${admin.expiresAt.toISOString()}):\n\n  ${admin.link}\n`);
  } finally {
    await handle.close();
  }
});
