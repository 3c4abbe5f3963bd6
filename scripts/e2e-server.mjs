// Serves the production build for Playwright on a fresh embedded database.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const dataDir = path.join(root, ".data", `e2e-${process.env.E2E_PORT ?? "3100"}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  JEEVI_DATA_DIR: dataDir,
  AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
  DATABASE_URL: "",
};
delete env.DATABASE_URL;

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` (npm run test:e2e does it for you).");
  process.exit(1);
}
const prepared = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"], {
  stdio: "inherit",
  env,
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const server = spawn(process.execPath, ["scripts/serve.mjs", env.E2E_PORT ?? "3100"], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
