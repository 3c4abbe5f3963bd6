// Serves the production build as a site of more than one process, as docs/deployment.md
// describes it: two web processes (WORKER=off) and one `npm run worker`, all on one fresh
// PostgreSQL database and one storage directory. e2e/multi-process.spec.ts drives it.
// Usage: E2E_DATABASE_URL=postgres://... node scripts/multi-process-site.mjs <portA> <portB>
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const [portA, portB] = process.argv.slice(2);
if (!process.env.E2E_DATABASE_URL || !portA || !portB) {
  console.error("Usage: E2E_DATABASE_URL=postgres://... node scripts/multi-process-site.mjs <portA> <portB>");
  process.exit(2);
}
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first.");
  process.exit(1);
}

const name = `jeevi_mp_${portA}`;
const serverUrl = new URL(process.env.E2E_DATABASE_URL);
const adminUrl = new URL(serverUrl);
adminUrl.pathname = "/postgres";
const databaseUrl = new URL(serverUrl);
databaseUrl.pathname = `/${name}`;
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE "${name}"`);

// Shared by every process, as an NFS mount or S3 bucket would be on real servers.
const dataDir = path.join(root, ".data", `multi-process-${portA}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl.toString(),
  JEEVI_DATA_DIR: dataDir,
  AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
  WORKER: "off",
};

const dropDatabase = async () => {
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await admin.end();
};

const prepared = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"], { stdio: "inherit", env });
if (prepared.status !== 0) {
  await dropDatabase();
  process.exit(prepared.status ?? 1);
}

const children = [
  spawn(process.execPath, ["scripts/serve.mjs", portA], { stdio: "inherit", env }),
  spawn(process.execPath, ["scripts/serve.mjs", portB], { stdio: "inherit", env }),
  spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/worker.ts"], { stdio: "inherit", env: { ...env, WORKER: "" } }),
];

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
  await dropDatabase();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
// One process dying ends the site: a test would otherwise see half of it.
for (const child of children) child.on("exit", (code) => !stopping && stop(code || 1));
