// npm run bench:pages: every main page of every role against N, a minimal
// Next.js page rendering 12 rows from one PostgreSQL query (bench/reference),
// in the same run, on the embedded database and on PostgreSQL.
//   npm run bench:pages -- --size S|L|XL [--duration 10] [--skip-build] …   (bench/pages/args.ts)
// Builds the app and the reference (unless --skip-build finds both builds),
// seeds a PGlite data directory and a fresh PostgreSQL database
// (jeevi_bp_…, on BENCH_SERVER_URL, default postgres://postgres@127.0.0.1:5432/postgres)
// at the chosen size, serves the app as `npm start` does (scripts/serve.mjs)
// on each in turn, signs in the bench admin, teacher and student through the
// sign-in form's action, drives each page with autocannon, prints a table per
// database and writes the JSON result. How to read it: docs/performance.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pageSelected, parseBenchArgs } from "@/bench/pages/args";
import { shareOfN } from "@/bench/pages/arithmetic";
import { createServerDatabase, seedEmbedded, seedServer, type SeededDatabase } from "@/bench/pages/databases";
import { countStatements, drive, fetchPage, type LoadOptions } from "@/bench/pages/load";
import { defaultResultPath, writeResult, type BenchResult, type DatabaseSection, type PageResult } from "@/bench/pages/results";
import { signInActionId, signInCookie } from "@/bench/pages/sign-in";
import { startApp, startReference, type RunningServer } from "@/bench/pages/servers";
import { formatSection } from "@/bench/pages/table";
import { benchPages, type BenchRole } from "@/bench/pages/targets";
import { benchAccounts, benchPassword, expectedBenchCounts, pageBenchSizes } from "./bench-seed";
import { runScript } from "./run-script";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ports = { pglite: 3200, postgres: 3201, reference: 3202 };

function build(label: string, cwd: string, extraArgs: string[]) {
  console.log(`Building ${label}…`);
  const started = performance.now();
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build", ...extraArgs], { cwd, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`Building ${label} failed.`);
  console.log(`Built ${label} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function buildIfNeeded(skipBuild: boolean) {
  const referenceDir = path.join(root, "bench", "reference");
  // The reference is built with webpack: bench/reference/next.config.ts says why.
  const builds = [["the app", root, []], ["the reference page", referenceDir, ["--webpack"]]] as const;
  for (const [label, dir, extraArgs] of builds) {
    if (skipBuild && fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) console.log(`Using the existing build of ${label} (--skip-build).`);
    else build(label, dir, [...extraArgs]);
  }
}

async function measure(
  baseUrl: string,
  server: RunningServer | null,
  { path: page, label }: { path: string; label: string },
  role: PageResult["role"],
  cookie: string | undefined,
  options: LoadOptions & { countedRequests: number },
): Promise<Omit<PageResult, "shareOfN">> {
  const url = `${baseUrl}${page}`;
  await fetchPage(url, cookie);
  const counted = server
    ? await countStatements(baseUrl, url, cookie, options.countedRequests)
    : { statementsPerRequest: null, responseBytes: await fetchPage(url, cookie) };
  const load = await drive(url, cookie, options);
  return { page: label, path: page, role, ...load, ...counted };
}

async function benchReference(reference: RunningServer, options: LoadOptions & { countedRequests: number }): Promise<PageResult> {
  // N's one statement is its code, not a measurement: the reference has no counter.
  const result = await measure(reference.baseUrl, null, { path: "/", label: "N (reference)" }, "reference", undefined, options);
  return { ...result, statementsPerRequest: 1, shareOfN: null };
}

async function benchDatabase(
  database: "pglite" | "postgres",
  app: RunningServer,
  reference: RunningServer,
  seeded: SeededDatabase,
  options: LoadOptions & { countedRequests: number; only: string | null },
): Promise<DatabaseSection> {
  const actionId = signInActionId(root);
  const cookies: Record<BenchRole, string | undefined> = {
    guest: undefined,
    student: await signInCookie(app.baseUrl, actionId, benchAccounts.student, benchPassword),
    teacher: await signInCookie(app.baseUrl, actionId, benchAccounts.teacher, benchPassword),
    admin: await signInCookie(app.baseUrl, actionId, benchAccounts.admin, benchPassword),
  };
  console.log(`\n${database}: N…`);
  const n = await benchReference(reference, options);
  console.log(`  N: ${n.requestsPerSecond} req/s`);
  const pages: PageResult[] = [];
  for (const page of benchPages(seeded.targets)) {
    if (!pageSelected(page.label, options.only)) continue;
    const result = await measure(app.baseUrl, app, page, page.role, cookies[page.role], options);
    const row = { ...result, shareOfN: shareOfN(result.requestsPerSecond, n.requestsPerSecond) };
    console.log(`  ${page.label} (${page.role}): ${row.requestsPerSecond} req/s, ${row.shareOfN}% of N, ${row.statementsPerRequest} statements`);
    pages.push(row);
  }
  return { database, reference: n, pages };
}

async function main() {
  const args = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date();
  const size = pageBenchSizes[args.size];
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "jeevi-bench-pages-"));
  buildIfNeeded(args.skipBuild);

  const expected = expectedBenchCounts(size);
  console.log(`Seeding size ${args.size}: ${JSON.stringify(expected)}`);
  const serverDatabase = await createServerDatabase(serverUrl, `jeevi_bp_${process.pid}_${Date.now()}`);
  const servers: RunningServer[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const server of servers.reverse()) await server.stop();
      await serverDatabase.drop();
      // The logs stay for reading; the data directories (a gigabyte at XL) do not.
      for (const data of ["data", "data-postgres"]) fs.rmSync(path.join(runDir, data), { recursive: true, force: true });
    })());
  // Ctrl-C stops the servers and drops the database too.
  const interrupted = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  try {
    // Side by side: PostgreSQL seeds in its server's process, PGlite in this one.
    const [postgresSeeded, pgliteSeeded] = await Promise.all([
      seedServer(serverDatabase.url, size),
      args.databases.includes("pglite") ? seedEmbedded(path.join(runDir, "data"), size) : null,
    ]);
    const seeded = { postgres: postgresSeeded, pglite: pgliteSeeded };
    for (const [name, database] of Object.entries(seeded)) {
      if (!database) continue;
      console.log(`Seeded ${name} in ${database.seedSeconds.toFixed(1)} s`);
      if (JSON.stringify(database.counts) !== JSON.stringify(expected)) throw new Error(`${name} holds ${JSON.stringify(database.counts)}, not what size ${args.size} says.`);
    }

    const reference = await startReference({ root, port: ports.reference, logFile: path.join(runDir, "reference.log"), databaseUrl: serverDatabase.url });
    servers.push(reference);
    const sections: DatabaseSection[] = [];
    for (const database of args.databases) {
      const app = await startApp({
        root,
        port: ports[database],
        logFile: path.join(runDir, `app-${database}.log`),
        dataDir: database === "pglite" ? path.join(runDir, "data") : path.join(runDir, "data-postgres"),
        databaseUrl: database === "postgres" ? serverDatabase.url : undefined,
        cpuProfileDir: args.cpuProfile ? path.join(runDir, `cpu-${database}`) : null,
      });
      servers.push(app);
      try {
        sections.push(await benchDatabase(database, app, reference, seeded[database]!, args));
      } finally {
        await app.stop();
        servers.splice(servers.indexOf(app), 1);
      }
    }

    const result: BenchResult = {
      startedAt: startedAt.toISOString(),
      size: args.size,
      counts: { ...expected },
      seedSeconds: Object.fromEntries(Object.entries(seeded).flatMap(([name, database]) => (database ? [[name, Math.round(database.seedSeconds * 10) / 10]] : []))),
      durationSeconds: args.durationSeconds,
      warmupSeconds: args.warmupSeconds,
      connections: args.connections,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", node: process.version, loadAverage: os.loadavg() },
      sections,
    };
    console.log("");
    for (const section of sections) console.log(`${formatSection(section)}\n`);
    const out = args.out ? path.resolve(args.out) : defaultResultPath(root, startedAt, args.size);
    writeResult(out, result);
    console.log(`Result: ${path.relative(process.cwd(), out)}  (server logs: ${runDir})`);
    if (args.cpuProfile) console.log(`CPU profiles: ${runDir}/cpu-<database>/; read one with npx tsx bench/exam/cpu-profile.ts <file>`);
  } finally {
    process.off("SIGINT", interrupted);
    await cleanUp();
  }
}

await runScript(main);
