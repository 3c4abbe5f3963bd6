// Times the admin report at 100,000 enrolments (or --enrolments N): creates a
// throwaway database on the local PostgreSQL server (BENCH_SERVER_URL, default
// postgres://postgres@127.0.0.1:5432/postgres), migrates it, seeds it set-wise
// (scripts/report-bench-seed.ts), loads the report's first page (table, select
// options, tiles, charts) several times counting statements, times a filtered
// page and a whole CSV export, prints a summary, and drops the database.
//   npx tsx --conditions=react-server scripts/bench-report.ts [--enrolments 1000000] [--explain] [--keep] [--reuse <database>] [--no-csv]
// (The react-server condition lets the report's server-only modules load.)
// --explain also prints EXPLAIN (ANALYZE, BUFFERS) of each report statement;
// --keep leaves the database in place (its name is printed) for report:explain;
// --reuse <database> times a kept one again (migrated first, not seeded, kept);
// --no-csv skips the export; --pglite runs it all on an in-memory embedded
// database instead (PGlite, one connection: the page's statements queue).
// Under NODE_OPTIONS=--expose-gc the export also reports the heap it retains
// (collected every 10,000 rows), not only its peak with uncollected garbage.
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { connectPostgres, wrapPglite, type Database, type DatabaseHandle } from "@/db";
import { countQueries } from "@/db/query-counter";
import { runMigrations } from "@/db/migrate";
import { rowsOf } from "@/lib/db/rows";
import { enrollmentCsvLines } from "@/lib/reports/enrollment-csv";
import { loadEnrollmentReport } from "@/lib/reports/enrollment-report";
import { parseReportQuery } from "@/lib/reports/report-params";
import { loadSiteCharts } from "@/lib/reports/site-charts";
import { loadSiteFilterOptions } from "@/lib/reports/site-filter-options";
import { loadSiteSummary } from "@/lib/reports/site-summary";
import { reportStatements } from "./explain-report";
import { benchSizeFor, seedReportBench } from "./report-bench-seed";
import { runScript } from "./run-script";

const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// Several people benchmarking on one server tell their databases apart by prefix.
const databasePrefix = process.env.BENCH_DB_PREFIX ?? "jeevi_bench";
const runs = 5;

/** The value after `--name` (or in `--name=value`), if given. */
function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The page's loaders, side by side, as app/(admin)/admin/report/page.tsx runs them. */
async function loadFirstPage(db: Database, params: Record<string, string>) {
  // Looked up outside the count: the page gets its user from the session.
  const admin = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM users WHERE role = 'admin' LIMIT 1`))[0]!;
  const actor = { id: admin.id, role: "admin" as const };
  const query = parseReportQuery(params);
  const now = new Date();
  const started = performance.now();
  const { result, count } = await countQueries(() =>
    Promise.all([
      loadEnrollmentReport(db, actor, { kind: "site" }, query, { now }),
      loadSiteFilterOptions(db, actor),
      loadSiteSummary(db, actor, query.filters, { now }),
      loadSiteCharts(db, actor, query.filters, { now }),
    ]),
  );
  const ms = performance.now() - started;
  if (result.some((part) => part === null)) throw new Error("The admin was refused the report.");
  return { ms, statements: count, total: result[0]!.total };
}

async function timeView(db: Database, label: string, params: Record<string, string>) {
  const times: number[] = [];
  let statements = 0;
  let total = 0;
  for (let run = 0; run < runs; run++) {
    const page = await loadFirstPage(db, params);
    times.push(page.ms);
    statements = page.statements;
    total = page.total;
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)]!;
  console.log(
    `${label}: ${total.toLocaleString("en")} matching; cold ${times[0]!.toFixed(0)} ms, warm median ${median.toFixed(0)} ms ` +
      `(min ${warm[0]!.toFixed(0)}, max ${warm.at(-1)!.toFixed(0)}); ${statements} statements; ${load()}`,
  );
  return { cold: times[0]!, warm: median, statements };
}

// Timings on a shared machine mean little without how busy it was.
const load = () => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Exports the CSV as the route streams it (lines encoded and dropped, as a
 * socket would take them) and samples the process's memory meanwhile: a flat
 * peak, whatever the number of rows, shows nothing grows with the export.
 */
async function timeCsv(db: Database, params: Record<string, string>) {
  const query = parseReportQuery(params);
  const encoder = new TextEncoder();
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const measure = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  // On a timer, and every 500 lines: PGlite's statements settle as promises
  // alone, and a loop of them can starve the timer.
  const sample = setInterval(measure, 20);
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  let retained = 0;
  try {
    const { count } = await countQueries(async () => {
      for await (const line of enrollmentCsvLines(db, { kind: "site" }, { filters: query.filters, sort: query.sort, dir: query.dir })) {
        bytes += encoder.encode(line).byteLength;
        if (++lines % 500 === 0) measure();
        // What the export holds, without the garbage it has not collected yet (NODE_OPTIONS=--expose-gc).
        if (lines % 10_000 === 0 && globalThis.gc) {
          globalThis.gc();
          retained = Math.max(retained, process.memoryUsage().heapUsed);
        }
      }
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `CSV export (${JSON.stringify(params)}): ${(lines - 1).toLocaleString("en")} rows, ${mb(bytes)}, in ${seconds.toFixed(1)} s ` +
        `(${Math.round((lines - 1) / seconds).toLocaleString("en")} rows/s), ${count} statements; ` +
        `heap ${mb(before.heapUsed)} before, peak ${mb(peak.heapUsed)}` +
        (retained ? `, at most ${mb(retained)} after a collection every 10,000 rows` : "") +
        `; RSS ${mb(before.rss)} before, peak ${mb(peak.rss)}; ${load()}`,
    );
  } finally {
    clearInterval(sample);
  }
}

interface BenchDatabase {
  handle: DatabaseHandle;
  /** Whether there is data already (a kept database): then it is not seeded. */
  reused: string | null;
  /** The PostgreSQL database's address (none for PGlite). */
  url: string | null;
  /** Closes, and drops the database unless it is to be kept. */
  release(): Promise<void>;
}

/** An in-memory embedded database: gone when the process ends. */
async function openPgliteBench(): Promise<BenchDatabase> {
  const handle = wrapPglite(new PGlite());
  return { handle, reused: null, url: null, release: () => handle.close() };
}

/** A throwaway database on the PostgreSQL server, or a kept one again (--reuse). */
async function openPostgresBench(): Promise<BenchDatabase> {
  const reused = option("reuse") ?? null;
  const name = reused ?? `${databasePrefix}_${process.pid}_${Date.now()}`;
  const keep = reused !== null || process.argv.includes("--keep");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  if (!reused) await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = connectPostgres(url.toString(), 4);
  return {
    handle,
    reused,
    url: url.toString(),
    async release() {
      await handle.close();
      if (keep) console.log(`\nKept the database: DATABASE_URL=${url.toString()} npm run report:explain`);
      else await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** CPU time (user + system) a PostgreSQL server process has used so far, in ms; null when it cannot be read (a remote server). */
async function backendCpuMs(pid: number): Promise<number | null> {
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses; clock ticks of 10 ms.
    const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * The CPU the server spends on one first page, whatever else runs on the
 * machine, in all and per loader: the statements one after the other on one
 * connection without parallel workers (their time would be spent in other
 * processes), read from the server process's own accounting, averaged over
 * 10 runs. Wall times on a busy machine say how busy it was; this says what
 * the page costs. With N free cores and parallel query it takes about this / N.
 */
async function serverCpuOfFirstPage(url: string): Promise<void> {
  const single = connectPostgres(url, 1);
  try {
    await single.db.execute(sql`SET max_parallel_workers_per_gather = 0`);
    const [{ pid }] = rowsOf<{ pid: number }>(await single.db.execute(sql`SELECT pg_backend_pid() AS pid`)) as [{ pid: number }];
    if ((await backendCpuMs(pid)) === null) return console.log("Server CPU per first page: not measured (the server's processes are not on this machine).");
    const admin = rowsOf<{ id: string }>(await single.db.execute(sql`SELECT id FROM users WHERE role = 'admin' LIMIT 1`))[0]!;
    const actor = { id: admin.id, role: "admin" as const };
    const query = parseReportQuery({});
    const now = new Date();
    const parts: [string, () => Promise<unknown>][] = [
      ["table page and count", () => loadEnrollmentReport(single.db, actor, { kind: "site" }, query, { now })],
      ["select options", () => loadSiteFilterOptions(single.db, actor)],
      ["tiles", () => loadSiteSummary(single.db, actor, query.filters, { now })],
      ["charts", () => loadSiteCharts(single.db, actor, query.filters, { now })],
    ];
    const runs = 10;
    const each: string[] = [];
    let total = 0;
    for (const [label, load] of parts) {
      await load();
      const before = (await backendCpuMs(pid))!;
      for (let run = 0; run < runs; run++) await load();
      const cpu = ((await backendCpuMs(pid))! - before) / runs;
      total += cpu;
      each.push(`${label} ${cpu.toFixed(0)}`);
    }
    console.log(`Server CPU per first page, statements one at a time without parallel workers: ${total.toFixed(0)} ms (${each.join(", ")}; ${load()})`);
  } finally {
    await single.close();
  }
}

async function main() {
  const pglite = process.argv.includes("--pglite");
  const bench = pglite ? await openPgliteBench() : await openPostgresBench();
  const { handle, reused } = bench;
  try {
    const started = performance.now();
    // A kept database gets the migrations written since it was seeded.
    await runMigrations(handle);
    if (reused) {
      const [row] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM enrollments`));
      console.log(`Reusing ${reused}: ${(row?.n ?? 0).toLocaleString("en")} enrolments`);
    } else {
      const size = benchSizeFor(Number((option("enrolments") ?? "100000").replaceAll(/[,_]/g, "")));
      const enrolments = await seedReportBench(handle.db, size);
      console.log(
        `Seeded ${enrolments.toLocaleString("en")} enrolments (${size.students.toLocaleString("en")} students, ${size.courses} courses, ` +
          `${size.teachers} teachers) on ${pglite ? "PGlite (in memory)" : "PostgreSQL"} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }

    const first = await timeView(handle.db, "First page (no filter, default order)", {});
    if (bench.url) await serverCpuOfFirstPage(bench.url);
    await timeView(handle.db, "Filtered page (physics, active, 20–90 %, since 2026-01-01, by progress)", {
      subject: "physics",
      status: "active",
      progressMin: "20",
      progressMax: "90",
      enrolledFrom: "2026-01-01",
      sort: "progress",
    });
    await timeView(handle.db, "At-risk page", { atRisk: "1" });
    if (!process.argv.includes("--no-csv")) await timeCsv(handle.db, { subject: "physics" });

    if (process.argv.includes("--explain")) {
      for (const { name: label, statement } of await reportStatements(handle.db)) {
        console.log(`\n=== ${label} ===`);
        for (const row of rowsOf<{ "QUERY PLAN": string }>(await handle.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`))) console.log(row["QUERY PLAN"]);
      }
    }
    console.log(
      `\nSummary: first page ${first.cold.toFixed(0)} ms cold, ${first.warm.toFixed(0)} ms warm, ${first.statements} statements ` +
        `(target: 300 ms warm at 1,000,000 enrolments on PostgreSQL).`,
    );
  } finally {
    await bench.release();
  }
}

await runScript(main);
