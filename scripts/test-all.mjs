// npm test: every suite in order, stopping at the first failure, then a table of
// how long each stage took (printed on failure too, so a slow stage is visible
// whichever way the run ends).
import { spawn } from "node:child_process";

const node = (script, ...args) => [process.execPath, script, ...args];

// Lint and typecheck are each single-threaded: on a 2-core machine they run side by side.
const stages = [
  [
    { name: "lint", command: node("node_modules/eslint/bin/eslint.js", ".") },
    { name: "typecheck", command: node("node_modules/typescript/bin/tsc", "--noEmit") },
  ],
  [{ name: "unit", command: node("node_modules/vitest/vitest.mjs", "run", "--project", "unit") }],
  [{ name: "integration (PGlite)", command: node("scripts/test-integration.mjs", "--database=pglite") }],
  // The PostgreSQL run leaves the cores idle part of the time (its tests wait on the server, the server on
  // the disk): the build, which needs neither, runs beside it. See docs/testing.md, "Where the time goes".
  [
    ...(process.env.TEST_DATABASE_URL
      ? [{ name: "integration (PostgreSQL)", command: node("scripts/test-integration.mjs", "--database=postgres") }]
      : []),
    {
      name: "build",
      command: node("node_modules/next/dist/bin/next", "build"),
      // The typecheck stage above has passed: the build need not check the same code again (next.config.ts).
      env: { NEXT_TELEMETRY_DISABLED: "1", JEEVI_BUILD_TYPECHECKED: "1" },
    },
  ],
  [
    {
      name: "e2e",
      command: node("scripts/test-e2e.mjs"),
      // With a PostgreSQL server, the suite also runs the multi-process site (e2e/multi-process.spec.ts).
      env: { E2E_SKIP_BUILD: "1", ...(process.env.TEST_DATABASE_URL ? { E2E_DATABASE_URL: process.env.TEST_DATABASE_URL } : {}) },
    },
  ],
].filter((group) => group.length > 0);

/** @type {{ name: string, seconds: number, status: string }[]} */
const timings = [];
// .ci/run times its own install step and hands the figure on, so one table covers the whole CI run.
const installSeconds = process.env.CI_INSTALL_SECONDS ? Number(process.env.CI_INSTALL_SECONDS) : NaN;
const installed = Number.isFinite(installSeconds);
if (installed) timings.push({ name: "install (.ci/run)", seconds: installSeconds, status: "ok" });

/** Runs one stage and resolves to its timing; a stage that shares its turn with another keeps its output until it ends, so the two do not interleave. */
function runStage({ name, command, env = {} }, buffered) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
      env: { ...process.env, ...env },
    });
    const output = [];
    child.stdout?.on("data", (chunk) => output.push(chunk));
    child.stderr?.on("data", (chunk) => output.push(chunk));
    let finished = false;
    const finish = (ok) => {
      if (finished) return;
      finished = true;
      if (buffered) process.stdout.write(`-- ${name} --\n${Buffer.concat(output).toString()}`);
      resolve({ name, seconds: (performance.now() - started) / 1000, status: ok ? "ok" : "FAILED" });
    };
    child.on("error", () => finish(false));
    child.on("close", (code) => finish(code === 0));
  });
}

function printTimings(total) {
  const width = Math.max(...timings.map((timing) => timing.name.length), "total".length);
  const line = (name, seconds, status = "") => `  ${name.padEnd(width)}  ${formatSeconds(seconds).padStart(8)}  ${status}`;
  console.log("\n== Stage durations ==");
  for (const { name, seconds, status } of timings) console.log(line(name, seconds, status));
  console.log(line("total", total));
}

function formatSeconds(seconds) {
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, "0")}s`;
}

const started = performance.now();
let ok = true;
for (const group of stages) {
  if (group.length > 1) console.log(`\n== ${group.map((stage) => stage.name).join(" and ")} ==`);
  else console.log(`\n== ${group[0].name} ==`);
  // Listed in the order declared, whichever of a pair ends first.
  const results = await Promise.all(group.map((stage) => runStage(stage, group.length > 1)));
  timings.push(...results);
  if (results.some((result) => result.status !== "ok")) {
    ok = false;
    break;
  }
}
printTimings((performance.now() - started) / 1000 + (installed ? installSeconds : 0));
process.exit(ok ? 0 : 1);
