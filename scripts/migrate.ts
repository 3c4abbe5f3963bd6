// npm run db:migrate: applies the committed migrations in drizzle/.
import { openConfiguredDatabase } from "@/db";
import { runMigrations } from "@/db/migrate";
import { runScript } from "./run-script";

await runScript(async () => {
  const handle = openConfiguredDatabase("migrate");
  try {
    await runMigrations(handle);
    console.log(`Migrations applied (${handle.kind}).`);
  } finally {
    await handle.close();
  }
});
