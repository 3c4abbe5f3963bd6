// Run by npm start and npm run dev before serving: make sure a local install has
// an AUTH_SECRET, apply pending migrations, and load the demo site into an empty
// database.
import { openConfiguredDatabase } from "@/db";
import { runMigrations } from "@/db/migrate";
import { isDatabaseEmpty, seedDemoData } from "@/lib/seed/seed";
import { ensureLocalAuthSecret } from "@/lib/auth/secret";
import { printDemoSignIns } from "./demo-sign-ins";
import { runScript } from "./run-script";

await runScript(async () => {
  if (!process.env.AUTH_SECRET && process.env.NODE_ENV !== "production") ensureLocalAuthSecret();
  const handle = openConfiguredDatabase("start: migrate and seed");
  try {
    await runMigrations(handle);
    if (await isDatabaseEmpty(handle.db)) {
      const report = await seedDemoData(handle.db);
      console.log(`Empty database: loaded the demo site (${report.usersCreated} users, ${report.coursesCreated} courses).`);
    }
    printDemoSignIns();
  } finally {
    await handle.close();
  }
});
