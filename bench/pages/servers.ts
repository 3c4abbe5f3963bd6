// Starts and stops the servers a run measures: the app as `npm start` serves it
// (scripts/serve.mjs, production) and the reference page (next start). Their
// output goes to log files, so the benchmark's own process never reads it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface RunningServer {
  name: string;
  baseUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, name: string, logFile: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

function start(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }) {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, "w");
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  return child;
}

export interface AppServerOptions {
  root: string;
  port: number;
  logFile: string;
  /** JEEVI_DATA_DIR: the embedded database (and the upload folder) live there. */
  dataDir: string;
  /** Set for PostgreSQL; unset serves the embedded database in dataDir. */
  databaseUrl?: string;
  /** Where node --cpu-prof writes the server's profile when it stops; null: no profile. */
  cpuProfileDir?: string | null;
}

export async function startApp(options: AppServerOptions): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    JEEVI_DATA_DIR: options.dataDir,
    AUTH_SECRET: "bench-only-secret-not-for-production-0123456789",
    SITE_URL: `http://localhost:${options.port}`,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const name = `app (${options.databaseUrl ? "PostgreSQL" : "PGlite"})`;
  const profiling = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = start(name, [...profiling, path.join(options.root, "scripts", "serve.mjs"), String(options.port)], {
    cwd: options.root,
    env,
    logFile: options.logFile,
  });
  const baseUrl = `http://localhost:${options.port}`;
  const stop = stopper(child);
  try {
    await waitUntilReady(`${baseUrl}/readyz`, child, name, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, baseUrl, logFile: options.logFile, stop };
}

export async function startReference(options: { root: string; port: number; logFile: string; databaseUrl: string }): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", REFERENCE_DATABASE_URL: options.databaseUrl };
  const nextBin = path.join(options.root, "node_modules", "next", "dist", "bin", "next");
  const child = start("reference", [nextBin, "start", "-p", String(options.port)], {
    cwd: path.join(options.root, "bench", "reference"),
    env,
    logFile: options.logFile,
  });
  const baseUrl = `http://localhost:${options.port}`;
  const stop = stopper(child);
  try {
    await waitUntilReady(`${baseUrl}/`, child, "reference", options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: "reference", baseUrl, logFile: options.logFile, stop };
}
