// Starts the production build through scripts/serve.mjs (as `npm start` does:
// the client address comes from the socket) and stops it again.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface RunningServer {
  pid: number;
  origin: string;
  stop(): Promise<void>;
}

export async function startServer({
  root,
  port,
  env,
  logFile,
  nodeFlags = [],
}: {
  root: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFile: string;
  nodeFlags?: string[];
}): Promise<RunningServer> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, [...nodeFlags, path.join(root, "scripts", "serve.mjs"), String(port)], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(log);
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was ready: see ${logFile}`);
    try {
      const answer = await fetch(`${origin}/readyz`);
      await answer.arrayBuffer();
      if (answer.ok) return { pid: child.pid!, origin, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The server was not ready within 3 minutes: see ${logFile}`);
}
