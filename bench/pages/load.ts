// Drives one page: a warm-up, a timed run with autocannon, then a counted
// run of sequential requests between two reads of the server's statement
// counter, which also gives the page's size.
import autocannon from "autocannon";
import { meanRounded, statementsPerRequest } from "./arithmetic";
import { statementCountFrom } from "./prometheus";

export interface LoadOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number | null;
  p99Ms: number | null;
  errors: number;
}

function cannon(url: string, cookie: string | undefined, seconds: number, connections: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
}

export async function drive(url: string, cookie: string | undefined, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await cannon(url, cookie, options.warmupSeconds, options.connections);
  const result = await cannon(url, cookie, options.durationSeconds, options.connections);
  // autocannon reports 0 ms when nothing finished; that is no latency at all.
  const finished = result.requests.total > 0;
  return {
    requestsPerSecond: Math.round((result.requests.total / options.durationSeconds) * 10) / 10,
    p50Ms: finished ? result.latency.p50 : null,
    p99Ms: finished ? result.latency.p99 : null,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** GETs the page once and fails on anything but 200: a redirect means a missing session or a refused role. */
export async function fetchPage(url: string, cookie: string | undefined): Promise<number> {
  const response = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
  return body.byteLength;
}

async function statementCount(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/metrics`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${baseUrl}/metrics answered ${response.status}`);
  return statementCountFrom(text);
}

export interface CountedResult {
  statementsPerRequest: number;
  responseBytes: number;
}

/** Statements per request (from the server's own counter) and the body's mean size, over `requests` requests one at a time. */
export async function countStatements(baseUrl: string, url: string, cookie: string | undefined, requests: number): Promise<CountedResult> {
  // What one scrape (and background work) adds by itself, measured just before.
  const idleStart = await statementCount(baseUrl);
  const before = await statementCount(baseUrl);
  const idleGrowth = before - idleStart;
  const sizes: number[] = [];
  for (let i = 0; i < requests; i++) sizes.push(await fetchPage(url, cookie));
  const after = await statementCount(baseUrl);
  return { statementsPerRequest: statementsPerRequest(before, after, requests, idleGrowth), responseBytes: meanRounded(sizes) };
}
