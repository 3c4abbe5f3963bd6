// Samples the resident memory of a process and all its descendants from
// /proc (Linux): the server is scripts/serve.mjs, and Next or PGlite may add
// processes of their own. Keeps the largest sum seen.
import fs from "node:fs";

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return children;
  }
  for (const task of tasks) {
    try {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/)) if (child) children.push(Number(child));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return children;
}

/** VmRSS of one process in kB, 0 when it is gone. */
export function rssKbOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function treeOf(rootPid: number): number[] {
  const seen = new Set<number>();
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    queue.push(...childrenOf(pid));
  }
  return [...seen];
}

export function treeRssKb(rootPid: number): number {
  return treeOf(rootPid).reduce((total, pid) => total + rssKbOf(pid), 0);
}

/** User plus system CPU time of one process in ms (from /proc/<pid>/stat, in clock ticks of 10 ms), 0 when it is gone. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * How long the process's main thread (the server's event loop) has waited,
 * runnable, for a CPU so far, in ms (/proc/<pid>/schedstat, second field, in
 * ns): time the machine's other work took from it. 0 when unreadable.
 */
export function runQueueWaitMsOf(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
  } catch {
    return 0;
  }
}

/** The CPU time the server's process tree has used so far: how much of the machine it actually got. */
export function treeCpuMs(rootPid: number): number {
  return treeOf(rootPid).reduce((total, pid) => total + cpuMsOf(pid), 0);
}

export interface RssSampler {
  /** The largest tree RSS so far, in MB, and when (ms since the sampler started) and in which phase. */
  max(): { mb: number; phase: string };
  setPhase(phase: string): void;
  samples(): { atMs: number; phase: string; mb: number }[];
  stop(): void;
}

export function sampleRss(rootPid: number, everyMs = 250): RssSampler {
  const started = performance.now();
  const taken: { atMs: number; phase: string; mb: number }[] = [];
  let phase = "idle";
  let best = { mb: 0, phase };
  const take = () => {
    const mb = treeRssKb(rootPid) / 1024;
    taken.push({ atMs: Math.round(performance.now() - started), phase, mb: Math.round(mb * 10) / 10 });
    if (mb > best.mb) best = { mb, phase };
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    max: () => best,
    setPhase: (next) => {
      phase = next;
      take();
    },
    samples: () => taken,
    stop: () => clearInterval(timer),
  };
}
