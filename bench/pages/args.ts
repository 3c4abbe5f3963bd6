// The command line of npm run bench:pages.
import { pageBenchSizes, type PageBenchSizeName } from "../../scripts/bench-seed";

export interface BenchArgs {
  size: PageBenchSizeName;
  /** Seconds each page is driven for, after its warm-up. */
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Sequential requests whose statements are counted per page. */
  countedRequests: number;
  /** Use the existing builds of the app and the reference page. */
  skipBuild: boolean;
  /** Where the JSON result goes; null: bench/results/<date>-<size>.json. */
  out: string | null;
  /** Only the pages whose path contains this. */
  only: string | null;
  databases: ("pglite" | "postgres")[];
  /** Run each app server under node --cpu-prof; the profiles land in the run's folder. */
  cpuProfile: boolean;
}

export const benchUsage = `npm run bench:pages -- [--size S|L|XL] [--duration 10] [--warmup 3] [--connections 10]
  [--counted 20] [--skip-build] [--out path.json] [--only /courses] [--database pglite|postgres]
  [--cpu-prof]`;

const defaults: BenchArgs = {
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
};

function positiveInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} takes a whole number of at least 1, not "${value ?? ""}".`);
  return number;
}

function nonNegativeInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`${flag} takes a whole number, not "${value ?? ""}".`);
  return number;
}

/** Parses `--flag value` and `--flag=value`; throws with a sentence on anything else. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args = { ...defaults, databases: [...defaults.databases] };
  const queue = argv.flatMap((arg) => (arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg]));
  while (queue.length > 0) {
    const flag = queue.shift()!;
    const value = () => {
      const next = queue.shift();
      if (next === undefined) throw new Error(`${flag} needs a value.`);
      return next;
    };
    switch (flag) {
      case "--size": {
        const size = value().toUpperCase();
        if (!(size in pageBenchSizes)) throw new Error(`--size is one of ${Object.keys(pageBenchSizes).join(", ")}, not "${size}".`);
        args.size = size as PageBenchSizeName;
        break;
      }
      case "--duration":
        args.durationSeconds = positiveInteger(flag, value());
        break;
      case "--warmup":
        args.warmupSeconds = nonNegativeInteger(flag, value());
        break;
      case "--connections":
        args.connections = positiveInteger(flag, value());
        break;
      case "--counted":
        args.countedRequests = positiveInteger(flag, value());
        break;
      case "--skip-build":
        args.skipBuild = true;
        break;
      case "--cpu-prof":
        args.cpuProfile = true;
        break;
      case "--out":
        args.out = value();
        break;
      case "--only":
        args.only = value();
        break;
      case "--database": {
        const database = value();
        if (database !== "pglite" && database !== "postgres") throw new Error(`--database is pglite or postgres, not "${database}".`);
        args.databases = [database];
        break;
      }
      default:
        throw new Error(`Unknown argument "${flag}".\n${benchUsage}`);
    }
  }
  return args;
}

/** Whether `--only` keeps a page: its name contains one of the comma-separated texts (no `--only`: every page). */
export function pageSelected(label: string, only: string | null): boolean {
  if (!only) return true;
  return only
    .split(",")
    .map((text) => text.trim())
    .filter(Boolean)
    .some((text) => label.includes(text));
}
