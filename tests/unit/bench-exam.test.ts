// The pure parts of npm run bench:exam: its schedules, percentiles, summary
// table, target checks and command line.
import { describe, expect, it } from "vitest";
import { parseOptions } from "@/bench/exam/options";
import { everyPeriod, seededRandom, spreadOver } from "@/bench/exam/schedule";
import { formatTable, percentile, summarize, type Sample } from "@/bench/exam/stats";
import { placeOf, summarizeProfile } from "@/bench/exam/cpu-profile";
import { routeTimings } from "@/bench/exam/server-log";
import { checkTargets } from "@/bench/exam/targets";

describe("spreadOver", () => {
  it("puts one moment in each equal slice of the window, the same ones for the same seed", () => {
    const offsets = spreadOver(500, 10_000, 7);
    expect(offsets).toHaveLength(500);
    offsets.forEach((at, i) => {
      expect(at).toBeGreaterThanOrEqual(i * 20);
      expect(at).toBeLessThan((i + 1) * 20);
    });
    expect(spreadOver(500, 10_000, 7)).toEqual(offsets);
    expect(spreadOver(500, 10_000, 8)).not.toEqual(offsets);
    expect(spreadOver(0, 10_000)).toEqual([]);
  });
});

describe("everyPeriod", () => {
  it("repeats each participant every period from its own phase, sorted by time", () => {
    const events = everyPeriod(4, 10_000, 30_000);
    expect(events).toHaveLength(12);
    expect(events.slice(0, 4).map((event) => [event.at, event.item.participant, event.item.round])).toEqual([
      [0, 0, 0],
      [2500, 1, 0],
      [5000, 2, 0],
      [7500, 3, 0],
    ]);
    const third = events.filter((event) => event.item.participant === 3).map((event) => event.at);
    expect(third).toEqual([7500, 17_500, 27_500]);
    expect(events.every((event, i) => i === 0 || events[i - 1]!.at <= event.at)).toBe(true);
  });

  it("gives 200 autosavers every 10 s over 60 s 1,200 saves, 20 a second in every second", () => {
    const events = everyPeriod(200, 10_000, 60_000);
    expect(events).toHaveLength(1200);
    const perSecond = new Map<number, number>();
    for (const event of events) perSecond.set(Math.floor(event.at / 1000), (perSecond.get(Math.floor(event.at / 1000)) ?? 0) + 1);
    expect(new Set(perSecond.values())).toEqual(new Set([20]));
  });
});

describe("seededRandom", () => {
  it("stays in [0, 1)", () => {
    const random = seededRandom(3);
    const values = Array.from({ length: 1000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("summarize and formatTable", () => {
  const samples: Sample[] = [
    ...Array.from({ length: 98 }, (_, i) => ({ latencyMs: i + 1, status: 200, ok: true })),
    { latencyMs: 500, status: 429, ok: false },
    { latencyMs: 30_000, status: 0, ok: false },
  ];

  it("counts errors by the expected status, tallies statuses, and rates over the wall time", () => {
    const summary = summarize("autosave", samples, 20_000);
    expect(summary).toMatchObject({ phase: "autosave", count: 100, errors: 2, statuses: { 200: 98, 429: 1, 0: 1 }, p50: 50, p95: 95, p99: 500, max: 30_000 });
    expect(summary.rps).toBe(5);
  });

  it("prints one aligned row per phase", () => {
    const table = formatTable([{ ...summarize("start", samples, 10_000), serverCpuMs: 1234 }, summarize("submit", [], 1000)]);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^phase\s+count\s+errors\s+p50 ms\s+p95 ms\s+p99 ms\s+max ms\s+req\/s\s+server CPU ms\/req$/);
    expect(lines[2]).toMatch(/^start\s+100\s+2\s+50\s+95\s+500\s+30000\s+10\.0\s+12\.3$/);
    expect(lines[3]).toMatch(/^submit\s+0\s+0\s+-\s+-\s+-\s+-\s+0\.0\s+-$/);
    expect(new Set(lines.map((line) => line.length))).toEqual(new Set([lines[0]!.length]));
  });
});

describe("checkTargets", () => {
  const phase = (overrides: Partial<ReturnType<typeof summarize>>) => ({ ...summarize("x", [], 1), ...overrides });
  it("meets the targets only within their bounds", () => {
    const good = checkTargets({
      start: phase({ errors: 0, p99: 1000 }),
      autosave: phase({ p95: 50 }),
      submit: phase({ errors: 0 }),
      maxRssMb: 399,
      ungraded: 0,
      missing: 0,
    });
    expect(good.every((check) => check.met)).toBe(true);
    const bad = checkTargets({
      start: phase({ errors: 1, p99: 1001 }),
      autosave: phase({ p95: 50.5 }),
      submit: phase({ errors: 2 }),
      maxRssMb: 400,
      ungraded: 3,
      missing: 1,
    });
    expect(bad.filter((check) => !check.met)).toHaveLength(7);
  });
});

describe("parseOptions", () => {
  it("defaults to both databases, a build, 500 students and 200 autosavers", () => {
    expect(parseOptions([])).toMatchObject({ databases: ["postgres", "pglite"], build: true, students: 500, autosavers: 200, port: 3210 });
  });

  it("reads the flags and refuses unknown or impossible ones", () => {
    expect(parseOptions(["--db=pglite", "--skip-build", "--students=50", "--autosavers=20", "--exam-seconds=15"])).toMatchObject({
      databases: ["pglite"],
      build: false,
      students: 50,
      autosavers: 20,
      examMs: 15_000,
    });
    expect(parseOptions(["--server-heap-mb=192", "--cpu-prof"])).toMatchObject({ serverHeapMb: 192, cpuProfile: true });
    expect(() => parseOptions(["--server-heap-mb=10"])).toThrow(/at least 64/);
    expect(() => parseOptions(["--db=mysql"])).toThrow(/--db/);
    expect(() => parseOptions(["--students=0"])).toThrow(/--students/);
    expect(() => parseOptions(["--students=10", "--autosavers=11"])).toThrow(/cannot exceed/);
    expect(() => parseOptions(["--fast"])).toThrow(/Unknown option/);
  });
});

describe("routeTimings", () => {
  it("groups the server's request lines by method and route, skipping other lines", () => {
    const line = (route: string, durationMs: number, method = "PUT") =>
      JSON.stringify({ level: 30, msg: "request", method, route, status: 200, durationMs });
    const log = [
      "✓ Starting...",
      line("/api/v1/attempts/[attemptId]/answers/[questionId]", 10),
      line("/api/v1/attempts/[attemptId]/answers/[questionId]", 30),
      line("/api/v1/attempts/[attemptId]/answers/[questionId]", 20),
      line("/dashboard", 70, "GET"),
      JSON.stringify({ level: 40, msg: "client-ip: something" }),
      "{not json",
    ].join("\n");
    expect(routeTimings(log)).toEqual([
      { route: "PUT /api/v1/attempts/[attemptId]/answers/[questionId]", count: 3, p50: 20, p95: 30, max: 30 },
      { route: "GET /dashboard", count: 1, p50: 70, p95: 70, max: 70 },
    ]);
  });
});

describe("summarizeProfile", () => {
  it("adds each sample's time to its function's self time and to where its code lives", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame("(root)", ""), children: [2, 3, 4] },
        { id: 2, callFrame: frame("(idle)", "") },
        { id: 3, callFrame: frame("render", "file:///srv/.next/server/chunks/ssr/page.js") },
        { id: 4, callFrame: frame("query", "file:///srv/node_modules/postgres/src/connection.js") },
      ],
      samples: [2, 3, 3, 4],
      timeDeltas: [1000, 2000, 3000, 4000],
      startTime: 0,
      endTime: 10_000,
    };
    const summary = summarizeProfile(profile);
    expect(summary.totalMs).toBe(10);
    expect(summary.byPlace.map(({ name, ms }) => [name, ms])).toEqual([
      ["app (bundled)", 5],
      ["pkg:postgres", 4],
      ["(idle)", 1],
    ]);
    expect(summary.byFunction[0]).toMatchObject({ name: "app (bundled)  render ssr/page.js:1", ms: 5, share: 0.5 });
    expect(placeOf("node:internal/crypto/hkdf", "hkdf")).toBe("node");
    expect(placeOf("file:///srv/node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js", "x")).toBe("next");
    expect(placeOf("", "writeBuffer")).toBe("(native)");
  });
});
