// npm run test:integration: the integration suite on the embedded database,
// and again on PostgreSQL when TEST_DATABASE_URL names a server.
import { spawnSync } from "node:child_process";

const vitest = ["node_modules/vitest/vitest.mjs", "run", "--project", "integration", ...process.argv.slice(2)];
const { TEST_DATABASE_URL: serverUrl, ...withoutServer } = process.env;

console.log("\n== Integration tests on PGlite ==");
if (spawnSync(process.execPath, vitest, { stdio: "inherit", env: withoutServer }).status !== 0) process.exit(1);

if (serverUrl) {
  console.log(`\n== Integration tests on PostgreSQL (${new URL(serverUrl).host}) ==`);
  if (spawnSync(process.execPath, vitest, { stdio: "inherit", env: process.env }).status !== 0) process.exit(1);
} else {
  console.log("\nTEST_DATABASE_URL is not set: skipped the PostgreSQL run.");
}
