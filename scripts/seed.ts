// npm run db:seed: loads the demo site; running it again changes nothing.
import { openConfiguredDatabase } from "@/db";
import { runMigrations } from "@/db/migrate";
import { seedDemoData } from "@/lib/seed/seed";
import { printDemoSignIns } from "./demo-sign-ins";
import { runScript } from "./run-script";

await runScript(async () => {
  const handle = openConfiguredDatabase("seed");
  try {
    await runMigrations(handle);
    const report = await seedDemoData(handle.db);
    console.log(`Seed: ${report.usersCreated} users and ${report.coursesCreated} courses created.`);
    printDemoSignIns();
  } finally {
    await handle.close();
  }
});
