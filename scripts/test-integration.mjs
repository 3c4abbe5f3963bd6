// npm run test:integration: the integration suite on the embedded database,
// and again on PostgreSQL when TEST_DATABASE_URL names a server.
// `--database=pglite` or `--database=postgres` runs one of the two (npm test times them apart);
// any other arguments go to Vitest (a file, `-t <name>`).
import { spawnSync } from "node:child_process";

const only = process.argv.find((arg) => arg.startsWith("--database="))?.slice("--database=".length);
if (only !== undefined && only !== "pglite" && only !== "postgres") {
  console.error(`--database is pglite or postgres, not "${only}".`);
  process.exit(2);
}
const vitestArgs = process.argv.slice(2).filter((arg) => !arg.startsWith("--database="));
const vitest = ["node_modules/vitest/vitest.mjs", "run", "--project", "integration", ...vitestArgs];
const { TEST_DATABASE_URL: serverUrl, ...withoutServer } = process.env;

// The fuzz suites feed every route and action bad input and check that nothing
// answers 5xx or changes: input handling, the same SQL on either engine. With a
// server they run on it alone (on PGlite they took four of the stage's minutes);
// without one, on PGlite. Naming files to run (or -t) runs exactly those.
const fuzzFiles = "tests/integration/fuzz-*.test.ts";
const chosen = vitestArgs.length > 0;
const pgliteArgs = serverUrl && !chosen ? ["--exclude", fuzzFiles] : [];

if (only !== "postgres") {
  console.log(`\n== Integration tests on PGlite${pgliteArgs.length > 0 ? " (the fuzz suites run on PostgreSQL)" : ""} ==`);
  if (spawnSync(process.execPath, [...vitest, ...pgliteArgs], { stdio: "inherit", env: withoutServer }).status !== 0) process.exit(1);
}

if (only !== "pglite") {
  if (serverUrl) {
    console.log(`\n== Integration tests on PostgreSQL (${new URL(serverUrl).host}) ==`);
    if (spawnSync(process.execPath, vitest, { stdio: "inherit", env: process.env }).status !== 0) process.exit(1);
  } else if (only === "postgres") {
    console.error("--database=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres.");
    process.exit(1);
  } else {
    console.log("\nTEST_DATABASE_URL is not set: skipped the PostgreSQL run.");
  }
}
