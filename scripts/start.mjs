// npm start: build when needed, migrate and seed, then serve.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
process.chdir(root);
const env = { ...process.env };

// "Production" is a deployer saying so; a local `npm start` gets a generated
// secret (scripts/prepare-db.ts keeps it in the data directory).
if (!env.AUTH_SECRET && env.NODE_ENV === "production") {
  console.error("AUTH_SECRET must be set in production (generate one with `openssl rand -base64 32`).");
  process.exit(1);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxBin = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");

// Rebuild when there is no build or a source file is newer than it.
function newestSourceTime() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "db"]) if (fs.existsSync(dir)) visit(dir);
  for (const file of ["next.config.ts", "package.json", "tailwind.config.ts", "proxy.ts", "package-lock.json"])
    if (fs.existsSync(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  return newest;
}
const buildId = path.join(root, ".next", "BUILD_ID");
if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceTime()) {
  console.log("Building Jeevi Academy (first start or changed sources)...");
  run(process.execPath, [nextBin, "build"]);
}

run(process.execPath, [tsxBin, "scripts/prepare-db.ts"]);

const port = env.PORT || "3000";
console.log(`Jeevi Academy: http://localhost:${port}`);
// Our server, not `next start`: it resolves the client address (scripts/serve.mjs).
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
