// npm run bench:exam: exam day for one class behind one school address.
// Builds (unless --skip-build), then per database (PostgreSQL in a fresh
// jeevi_be_* database, and the embedded database in a fresh data directory):
// seeds a course with a ten-question quiz and its students, serves the build
// through scripts/serve.mjs, and runs the exam from this one address:
//   start:    every student starts the quiz within 10 s (API, token)
//   exam:     200 autosave an answer every 10 s (API) while the others open
//             pages (session cookie), for 60 s
//   submit:   every student submits within 30 s (API)
// then checks in the database that every submitted attempt and answer was
// graded, samples the server's memory throughout, prints a table per phase
// and writes the JSON result. See docs/benchmarks-exam.md.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { connectPostgres, openPglite, type DatabaseHandle } from "@/db";
import { runMigrations } from "@/db/migrate";
import { autosavePlan, browsePlan, startPlan, studentPages, submitPlan } from "./exam-plan";
import { openPool, runSchedule, type Answered } from "./load";
import { parseOptions, usage, type BenchDatabase, type ExamOptions } from "./options";
import { runQueueWaitMsOf, sampleRss, treeCpuMs } from "./rss";
import { seedExam } from "./seed";
import { routeTimings, type RouteTiming } from "./server-log";
import { startServer } from "./server";
import { formatTable, summarize, type PhaseSummary } from "./stats";
import { checkTargets } from "./targets";
import { checkGrading, type GradingCheck } from "./verify";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface PreparedDatabase {
  label: string;
  serverEnv: NodeJS.ProcessEnv;
  open(): DatabaseHandle;
  cleanup(): Promise<void>;
}

async function prepareDatabase(kind: BenchDatabase, stamp: string): Promise<PreparedDatabase> {
  const baseEnv = { ...process.env };
  delete baseEnv.DATABASE_URL;
  const dataDir = path.join(root, ".data", `bench-exam-${kind}-${stamp}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  if (kind === "pglite") {
    const dir = path.join(dataDir, "pglite");
    return {
      label: "embedded (PGlite)",
      serverEnv: { ...baseEnv, JEEVI_DATA_DIR: dataDir, PGLITE_DIR: dir },
      open: () => openPglite(dir, "bench:exam"),
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `jeevi_be_${stamp}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: `PostgreSQL (${name})`,
    serverEnv: { ...baseEnv, JEEVI_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => connectPostgres(url.toString(), 4),
    cleanup: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface DatabaseRun {
  database: BenchDatabase;
  label: string;
  seedSeconds: number;
  phases: PhaseSummary[];
  /** The most the client's timers fired late in any phase: large values mean the client, not the server, was behind. */
  clientLagMs: number;
  /** The server's CPU time and the wall time of the exam phase (autosaves and pages share it). */
  examCpuMs: number;
  /** How long the server's event loop thread waited, runnable, for a CPU in the exam phase. */
  examRunQueueWaitMs: number;
  examWallMs: number;
  maxRssMb: number;
  maxRssPhase: string;
  rssSamples: { atMs: number; phase: string; mb: number }[];
  grading: GradingCheck & { expectedSubmitted: number; expectedAnswers: number };
  targets: ReturnType<typeof checkTargets>;
  /** Per route, as the server timed it from its own log. */
  serverTimings: RouteTiming[];
  cpuProfileDir: string | null;
}

const distinctOk = (answers: Answered[]) => new Set(answers.filter((answer) => answer.ok).map((answer) => answer.path)).size;

async function runOn(kind: BenchDatabase, options: ExamOptions, stamp: string): Promise<DatabaseRun> {
  const prepared = await prepareDatabase(kind, stamp);
  const authSecret = randomBytes(32).toString("base64url");
  let stopServer = async () => {};
  try {
    console.log(`\n== ${prepared.label} ==`);
    const seedStarted = performance.now();
    const seeding = prepared.open();
    const exam = await (async () => {
      try {
        await runMigrations(seeding);
        return await seedExam(seeding.db, { students: options.students, authSecret });
      } finally {
        await seeding.close();
      }
    })();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`migrated and seeded ${options.students} students in ${seedSeconds.toFixed(1)} s`);

    const cpuProfileDir = options.cpuProfile ? path.join(root, "bench", "exam", "results", `cpu-${kind}-${stamp}`) : null;
    const logFile = path.join(root, "bench", "exam", "results", `server-${kind}-${stamp}.log`);
    const server = await startServer({
      root,
      port: options.port,
      env: { ...prepared.serverEnv, AUTH_SECRET: authSecret, SEED_DEMO: "off", TRUST_PROXY: "" },
      logFile,
      nodeFlags: [
        ...(cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : []),
        ...(options.serverHeapMb ? [`--max-old-space-size=${options.serverHeapMb}`] : []),
      ],
    });
    stopServer = server.stop;
    const rss = sampleRss(server.pid);
    const pool = openPool(server.origin, options.connections);
    const phases: PhaseSummary[] = [];
    let clientLagMs = 0;
    const phase = async (name: string, plan: Parameters<typeof runSchedule>[1], keepJson = false) => {
      rss.setPhase(name);
      const cpuBefore = treeCpuMs(server.pid);
      const waitBefore = runQueueWaitMsOf(server.pid);
      const { answers, wallMs, maxLagMs } = await runSchedule(pool, plan, { keepJson });
      clientLagMs = Math.max(clientLagMs, maxLagMs);
      const summary = {
        ...summarize(name, answers, wallMs),
        serverCpuMs: treeCpuMs(server.pid) - cpuBefore,
        serverRunQueueWaitMs: runQueueWaitMsOf(server.pid) - waitBefore,
      };
      phases.push(summary);
      console.log(`${name}: ${summary.count} requests, ${summary.errors} errors ${JSON.stringify(summary.statuses)}`);
      return answers;
    };

    // A server is up before an exam: a few pages and API reads, not measured against a target.
    const warmStudents = exam.students.slice(0, 10);
    await phase(
      "warm-up",
      warmStudents.flatMap((student, i) => [
        { at: i * 100, item: { method: "GET" as const, path: `/api/v1/quizzes/${exam.quizTaskId}`, headers: { authorization: `Bearer ${student.token}` }, expect: 200 } },
        ...studentPages(exam).map((page, p) => ({ at: i * 100 + p * 20, item: { method: "GET" as const, path: page, headers: { cookie: student.cookie }, expect: 200 } })),
      ]),
    );

    const started = await phase("start", startPlan(exam, options.startWindowMs), true);
    const attemptIds = started.map((answer) => (answer.ok ? (answer.json as { id: string }).id : null));

    rss.setPhase("exam");
    const examPhase = { periodMs: options.autosavePeriodMs, durationMs: options.examMs };
    const autosaves = autosavePlan(exam, attemptIds, { autosavers: options.autosavers, ...examPhase });
    const browsing = browsePlan(exam, { firstBrowser: options.autosavers, periodMs: options.browsePeriodMs, durationMs: options.examMs });
    // One schedule, so the two share the clock; summarised apart.
    const examCpuBefore = treeCpuMs(server.pid);
    const examWaitBefore = runQueueWaitMsOf(server.pid);
    const examAnswers = await runSchedule(pool, [...autosaves, ...browsing].sort((a, b) => a.at - b.at));
    const examCpuMs = treeCpuMs(server.pid) - examCpuBefore;
    const examRunQueueWaitMs = runQueueWaitMsOf(server.pid) - examWaitBefore;
    clientLagMs = Math.max(clientLagMs, examAnswers.maxLagMs);
    const saved = examAnswers.answers.filter((answer) => answer.path.startsWith("/api/"));
    const browsed = examAnswers.answers.filter((answer) => !answer.path.startsWith("/api/"));
    for (const [name, answers] of [["autosave", saved], ["browse", browsed]] as const) {
      const summary = summarize(name, answers, examAnswers.wallMs);
      phases.push(summary);
      console.log(`${name}: ${summary.count} requests, ${summary.errors} errors ${JSON.stringify(summary.statuses)}`);
    }

    const submitted = await phase("submit", submitPlan(exam, attemptIds, options.submitWindowMs));
    rss.setPhase("done");
    await pool.close();
    rss.stop();
    await server.stop();
    stopServer = async () => {};

    const checking = prepared.open();
    const grading = await (async () => {
      try {
        return await checkGrading(checking.db, exam.quizTaskId);
      } finally {
        await checking.close();
      }
    })();
    const expected = { expectedSubmitted: submitted.filter((answer) => answer.ok).length, expectedAnswers: distinctOk(saved) };
    const ungraded = grading.unscored + grading.ungradedAnswers;
    const missing = Math.max(0, expected.expectedSubmitted - grading.submitted) + Math.max(0, expected.expectedAnswers - grading.answers);
    const byName = (name: string) => phases.find((summary) => summary.phase === name)!;
    const maxRss = rss.max();
    return {
      database: kind,
      label: prepared.label,
      seedSeconds,
      phases,
      clientLagMs,
      examCpuMs,
      examRunQueueWaitMs,
      examWallMs: examAnswers.wallMs,
      maxRssMb: maxRss.mb,
      maxRssPhase: maxRss.phase,
      rssSamples: rss.samples(),
      grading: { ...grading, ...expected },
      targets: checkTargets({ start: byName("start"), autosave: byName("autosave"), submit: byName("submit"), maxRssMb: maxRss.mb, ungraded, missing }),
      serverTimings: routeTimings(fs.readFileSync(logFile, "utf8")),
      cpuProfileDir,
    };
  } finally {
    await stopServer();
    await prepared.cleanup();
  }
}

function report(run: DatabaseRun) {
  console.log(`\n${run.label}`);
  console.log(formatTable(run.phases));
  const g = run.grading;
  console.log(
    `database afterwards: ${g.submitted} attempts submitted (${g.expectedSubmitted} submits answered 200), ${g.unscored} without a score; ` +
      `${g.answers} answers (${g.expectedAnswers} distinct saves answered 200), ${g.ungradedAnswers} ungraded; ` +
      `points ${g.scoreSum} on the attempts, ${g.answerPointsSum} on their answers`,
  );
  console.log(`server RSS max ${run.maxRssMb.toFixed(0)} MB (during ${run.maxRssPhase}); client timers late by at most ${run.clientLagMs.toFixed(0)} ms`);
  console.log(
    `server CPU during the exam phase (autosave and browse together): ${(run.examCpuMs / 1000).toFixed(1)} s over ${(run.examWallMs / 1000).toFixed(1)} s, ` +
      `${((100 * run.examCpuMs) / run.examWallMs).toFixed(0)} % of one core; its event loop waited ${(run.examRunQueueWaitMs / 1000).toFixed(1)} s for a CPU`,
  );
  const waits = run.phases
    .filter((phase) => phase.serverRunQueueWaitMs !== undefined)
    .map((phase) => `${phase.phase} ${(phase.serverRunQueueWaitMs! / 1000).toFixed(1)} s`);
  console.log(`the server's event loop waited for a CPU (taken by other processes): ${waits.join(", ")}`);
  console.log("as the server timed them (from reading the request to the last byte):");
  for (const timing of run.serverTimings) {
    console.log(`  ${timing.route.padEnd(58)} ${String(timing.count).padStart(5)}  p50 ${timing.p50.toFixed(1).padStart(7)} ms  p95 ${timing.p95.toFixed(1).padStart(7)} ms`);
  }
  for (const check of run.targets) console.log(`  ${check.met ? "met   " : "MISSED"}  ${check.target}: ${check.actual}`);
  if (run.cpuProfileDir) console.log(`CPU profile: ${run.cpuProfileDir}`);
}

async function main() {
  if (process.argv.includes("--help")) {
    console.log(usage);
    return;
  }
  let options: ExamOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  process.chdir(root);
  if (options.build) {
    console.log("Building (skip with --skip-build when .next holds a current build)...");
    const built = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
    if (built.status !== 0) throw new Error("next build failed.");
  } else if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run without --skip-build.");
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "_").toLowerCase();
  const runs: DatabaseRun[] = [];
  for (const kind of options.databases) {
    const run = await runOn(kind, options, stamp);
    runs.push(run);
    report(run);
  }
  const out = options.out ?? path.join(root, "bench", "exam", "results", `exam-${stamp}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const result = {
    benchmark: "bench:exam",
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? null, memoryMb: Math.round(os.totalmem() / 2 ** 20), loadAverage: os.loadavg(), node: process.version },
    options,
    runs,
  };
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nJSON result: ${path.relative(root, out)}`);
  if (runs.some((run) => run.targets.some((check) => !check.met))) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
