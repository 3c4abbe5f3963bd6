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
    // A real school's site starts empty: SEED_DEMO=off keeps the demo accounts (whose
    // password is public) out, and `npm run create-admin` makes the first admin.
    const seedDemo = !/^(off|false|0|no)$/i.test(process.env.SEED_DEMO?.trim() ?? "");
    if (await isDatabaseEmpty(handle.db)) {
      if (seedDemo) {
        const report = await seedDemoData(handle.db);
        console.log(`Empty database: loaded the demo site (${report.usersCreated} users, ${report.coursesCreated} courses).`);
      } else {
        console.log("Empty database and SEED_DEMO=off: no demo data. Create the first admin with\n  npm run create-admin -- --email you@school.example --username you");
      }
    }
    if (seedDemo) printDemoSignIns();
  } finally {
    await handle.close();
  }
});
