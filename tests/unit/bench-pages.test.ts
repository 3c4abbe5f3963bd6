import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageSelected, parseBenchArgs } from "@/bench/pages/args";
import { meanRounded, percentile, shareOfN, statementsPerRequest } from "@/bench/pages/arithmetic";
import { statementCountFrom } from "@/bench/pages/prometheus";
import { defaultResultPath, writeResult, type BenchResult, type PageResult } from "@/bench/pages/results";
import { formatSection } from "@/bench/pages/table";
import { expectedBenchCounts, pageBenchSizes } from "@/scripts/bench-seed";

describe("bench:pages --only", () => {
  it("keeps every page without it, and the pages whose name holds one of its comma-separated texts with it", () => {
    expect(pageSelected("/admin/cohorts", null)).toBe(true);
    expect(pageSelected("/admin/cohorts", "/admin")).toBe(true);
    expect(pageSelected("/admin/cohorts", "certificates, cohorts")).toBe(true);
    expect(pageSelected("/teacher/courses/<id>/sections", "certificates, cohorts")).toBe(false);
    expect(pageSelected("/teacher", " , ")).toBe(false);
  });
});

describe("bench:pages arguments", () => {
  it("defaults to size S, 10 s per page after a 3 s warm-up, 10 connections, both databases", () => {
    expect(parseBenchArgs([])).toEqual({
      size: "S",
      durationSeconds: 10,
      warmupSeconds: 3,
      connections: 10,
      countedRequests: 20,
      skipBuild: false,
      out: null,
      only: null,
      databases: ["pglite", "postgres"],
      cpuProfile: false,
    });
  });

  it("reads flags with a space or an equals sign", () => {
    const args = parseBenchArgs(["--size", "xl", "--duration=30", "--warmup", "0", "--skip-build", "--out", "r.json", "--database=postgres", "--cpu-prof"]);
    expect(args).toMatchObject({ size: "XL", durationSeconds: 30, warmupSeconds: 0, skipBuild: true, out: "r.json", databases: ["postgres"], cpuProfile: true });
  });

  it("refuses what it does not know, with a sentence", () => {
    expect(() => parseBenchArgs(["--size", "M"])).toThrow('--size is one of S, L, XL, not "M".');
    expect(() => parseBenchArgs(["--duration", "0"])).toThrow("--duration takes a whole number of at least 1");
    expect(() => parseBenchArgs(["--duration", "2.5"])).toThrow("--duration takes a whole number of at least 1");
    expect(() => parseBenchArgs(["--database", "mysql"])).toThrow("--database is pglite or postgres");
    expect(() => parseBenchArgs(["--out"])).toThrow("--out needs a value.");
    expect(() => parseBenchArgs(["--fast"])).toThrow('Unknown argument "--fast"');
  });
});

describe("bench:pages arithmetic", () => {
  it("gives the share of N in whole percent, and none without an N", () => {
    expect(shareOfN(150, 300)).toBe(50);
    expect(shareOfN(200, 300)).toBe(67);
    expect(shareOfN(450, 300)).toBe(150);
    expect(shareOfN(100, 0)).toBeNull();
  });

  it("counts statements per request less what the scrape adds by itself", () => {
    expect(statementsPerRequest(100, 160, 20, 0)).toBe(3);
    expect(statementsPerRequest(100, 162, 20, 2)).toBe(3);
    expect(statementsPerRequest(100, 107, 2, 0)).toBe(3.5);
    expect(statementsPerRequest(100, 101, 20, 2)).toBe(0);
    expect(() => statementsPerRequest(0, 0, 0, 0)).toThrow();
  });

  it("takes percentiles by nearest rank", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(() => percentile([], 50)).toThrow();
    expect(meanRounded([100, 101, 101])).toBe(101);
  });

  it("sums the statement counter over its labels and ignores the other series", () => {
    const text = [
      "# HELP jeevi_db_statement_duration_seconds Database statement durations.",
      'jeevi_db_statement_duration_seconds_bucket{le="0.001",operation="select",outcome="ok"} 40',
      'jeevi_db_statement_duration_seconds_sum{operation="select",outcome="ok"} 0.5',
      'jeevi_db_statement_duration_seconds_count{operation="select",outcome="ok"} 120',
      'jeevi_db_statement_duration_seconds_count{operation="insert",outcome="ok"} 7',
      'jeevi_db_statement_duration_seconds_count{operation="select",outcome="error"} 1',
      "jeevi_http_requests_total 99",
    ].join("\n");
    expect(statementCountFrom(text)).toBe(128);
    expect(() => statementCountFrom("jeevi_http_requests_total 99")).toThrow("No jeevi_db_statement_duration_seconds_count");
  });
});

describe("bench:pages seed sizes", () => {
  it("XL is the issue's size: 10,000 students, 500 courses, 100,000 enrolments, a million completions, 200,000 attempts", () => {
    expect(expectedBenchCounts(pageBenchSizes.XL)).toMatchObject({
      users: 10_051,
      courses: 500,
      enrolments: 100_000,
      lessonCompletions: 999_981,
      quizAttempts: 200_000,
    });
  });
});

describe("bench:pages result", () => {
  it("is named by the day and size of the run and written as JSON", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "bench-result-"));
    const file = defaultResultPath(root, new Date("2026-05-01T23:30:00Z"), "XL");
    expect(file).toBe(path.join(root, "bench", "results", "2026-05-01-XL.json"));
    const result: BenchResult = {
      startedAt: "2026-05-01T23:30:00.000Z",
      size: "XL",
      counts: { enrolments: 100_000 },
      seedSeconds: { postgres: 40 },
      durationSeconds: 10,
      warmupSeconds: 3,
      connections: 10,
      machine: { cpus: 2, cpuModel: "test", node: "v22", loadAverage: [1, 1, 1] },
      sections: [],
    };
    writeResult(file, result);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(result);
    fs.rmSync(root, { recursive: true, force: true });
  });
});

describe("bench:pages table", () => {
  it("prints N first, a dash where nothing was measured, and the share of N in percent", () => {
    const row = (page: string, rps: number, share: number | null, p50: number | null): PageResult => ({
      page,
      path: page,
      role: "guest",
      requestsPerSecond: rps,
      p50Ms: p50,
      p99Ms: p50 === null ? null : p50 * 2,
      errors: p50 === null ? 20 : 0,
      statementsPerRequest: 2,
      responseBytes: 37_968,
      shareOfN: share,
    });
    const text = formatSection({
      database: "postgres",
      reference: { ...row("N (reference)", 300, null, 30), statementsPerRequest: 1 },
      pages: [row("/courses", 150, 50, 60), row("/admin/report", 0, 0, null)],
    });
    const lines = text.split("\n");
    expect(lines[0]).toBe("PostgreSQL");
    expect(lines[2]).toMatch(/^N \(reference\)\s+300\.0\s+30\s+60\s+1\s+37,968\s+N\s+0$/);
    expect(lines[3]).toMatch(/^\/courses\s+150\.0\s+60\s+120\s+2\s+37,968\s+50%\s+0$/);
    expect(lines[4]).toMatch(/^\/admin\/report\s+0\.0\s+–\s+–\s+2\s+37,968\s+0%\s+20$/);
  });
});
