// Reads a V8 .cpuprofile (node --cpu-prof, written by bench:exam --cpu-prof)
// and says where the server's CPU time went: self time by function and by
// where its code lives (a package, the app's build, Node itself), so a missed
// target can be put down to what bounds it.
//   npx tsx bench/exam/cpu-profile.ts <file.cpuprofile> [--top=25]

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface CpuShare {
  name: string;
  ms: number;
  share: number;
}

/** Where a frame's code lives: "pkg:<name>", "next", "app", "node", or the special "(idle)", "(gc)", "(program)". */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    if (pkg[1] === "next") return /compiled\/react|react-dom|react-server/.test(url) ? "react (in next)" : "next";
    return `pkg:${pkg[1]}`;
  }
  if (url.includes("/.next/server/")) return /chunks\/.*(?:react|next)/.test(url) ? "next (bundled)" : "app (bundled)";
  return "app";
}

export function summarizeProfile(profile: CpuProfile): { totalMs: number; byFunction: CpuShare[]; byPlace: CpuShare[] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const place = placeOf(url, functionName);
    const file = url.split("/").slice(-2).join("/");
    const name = `${functionName || "(anonymous)"} ${file ? `${file}:${lineNumber + 1}` : ""}`.trim();
    byFunction.set(`${place}  ${name}`, (byFunction.get(`${place}  ${name}`) ?? 0) + ms);
    byPlace.set(place, (byPlace.get(place) ?? 0) + ms);
    totalMs += ms;
  }
  const shares = (map: Map<string, number>) =>
    [...map.entries()].map(([name, ms]) => ({ name, ms, share: totalMs > 0 ? ms / totalMs : 0 })).sort((a, b) => b.ms - a.ms);
  return { totalMs, byFunction: shares(byFunction), byPlace: shares(byPlace) };
}

async function main() {
  const fs = await import("node:fs");
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npx tsx bench/exam/cpu-profile.ts <file.cpuprofile> [--top=25]");
    process.exitCode = 2;
    return;
  }
  const top = Number(/--top=(\d+)/.exec(process.argv.join(" "))?.[1] ?? 25);
  const summary = summarizeProfile(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile);
  const line = ({ name, ms, share }: CpuShare) => `${(share * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`;
  console.log(`${summary.totalMs.toFixed(0)} ms sampled\n\nby where the code lives:`);
  for (const share of summary.byPlace.slice(0, 15)) console.log(line(share));
  console.log(`\ntop ${top} functions by self time:`);
  for (const share of summary.byFunction.slice(0, top)) console.log(line(share));
}

if (process.argv[1] && /cpu-profile\.ts$/.test(process.argv[1])) void main();
