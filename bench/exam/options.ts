// The command line of npm run bench:exam. Pure.

export type BenchDatabase = "postgres" | "pglite";

export interface ExamOptions {
  databases: BenchDatabase[];
  build: boolean;
  port: number;
  students: number;
  autosavers: number;
  startWindowMs: number;
  autosavePeriodMs: number;
  examMs: number;
  browsePeriodMs: number;
  submitWindowMs: number;
  connections: number;
  cpuProfile: boolean;
  /** The server's --max-old-space-size, when set: how much JavaScript heap it may grow before it must collect. */
  serverHeapMb: number | null;
  out: string | null;
}

export const defaultOptions: ExamOptions = {
  databases: ["postgres", "pglite"],
  build: true,
  port: 3210,
  students: 500,
  autosavers: 200,
  startWindowMs: 10_000,
  autosavePeriodMs: 10_000,
  examMs: 60_000,
  browsePeriodMs: 30_000,
  submitWindowMs: 30_000,
  connections: 64,
  cpuProfile: false,
  serverHeapMb: null,
  out: null,
};

export const usage = `npm run bench:exam -- [options]
  --db=postgres,pglite   which databases to run on, in order (default both)
  --skip-build           use the existing .next build (default: build first)
  --port=3210            the app's port
  --students=500         enrolled students; all start and submit
  --autosavers=200       of them, how many autosave during the exam
  --exam-seconds=60      how long the autosave-and-browse phase lasts
  --browse-seconds=30    how often each other student opens a page
  --connections=64       HTTP connections from the one client address
  --cpu-prof             write a CPU profile of the server (node --cpu-prof) per database
  --server-heap-mb=N     start the server with --max-old-space-size=N (default: Node's own limit)
  --out=FILE             the JSON result (default bench/exam/results/exam-<time>.json)`;

export function parseOptions(argv: readonly string[]): ExamOptions {
  const options = { ...defaultOptions };
  const whole = (name: string, value: string, min: number) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${value}".`);
    return number;
  };
  for (const arg of argv) {
    const [flag, value = ""] = arg.split(/=(.*)/s, 2) as [string, string?];
    switch (flag) {
      case "--db": {
        const names = value.split(",").map((name) => name.trim()).filter(Boolean);
        const known = (name: string): name is BenchDatabase => name === "postgres" || name === "pglite";
        const unknown = names.filter((name) => !known(name));
        if (names.length === 0 || unknown.length > 0) throw new Error(`--db takes postgres, pglite or both, not "${value}".`);
        options.databases = [...new Set(names)] as BenchDatabase[];
        break;
      }
      case "--skip-build":
        options.build = false;
        break;
      case "--port":
        options.port = whole("port", value, 1);
        break;
      case "--students":
        options.students = whole("students", value, 1);
        break;
      case "--autosavers":
        options.autosavers = whole("autosavers", value, 0);
        break;
      case "--exam-seconds":
        options.examMs = whole("exam-seconds", value, 1) * 1000;
        break;
      case "--browse-seconds":
        options.browsePeriodMs = whole("browse-seconds", value, 1) * 1000;
        break;
      case "--connections":
        options.connections = whole("connections", value, 1);
        break;
      case "--cpu-prof":
        options.cpuProfile = true;
        break;
      case "--server-heap-mb":
        options.serverHeapMb = whole("server-heap-mb", value, 64);
        break;
      case "--out":
        if (!value) throw new Error("--out takes a file name.");
        options.out = value;
        break;
      default:
        throw new Error(`Unknown option ${arg}.\n${usage}`);
    }
  }
  if (options.autosavers > options.students) throw new Error(`--autosavers (${options.autosavers}) cannot exceed --students (${options.students}).`);
  return options;
}
