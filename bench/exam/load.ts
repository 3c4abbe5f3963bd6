// Sends scheduled requests with undici and times them. Each request is due at
// its scheduled moment and its latency counts from then, not from when a free
// connection took it: a server (or client) that falls behind shows as
// latency, not as a quietly slower schedule (no coordinated omission).
import { Pool } from "undici";
import type { Sample } from "./stats";
import type { Scheduled } from "./schedule";

export interface PlannedRequest {
  method: "GET" | "POST" | "PUT";
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** The status that counts as success. */
  expect: number;
}

export interface Answered extends Sample {
  path: string;
  /** The answer's JSON, when it is one and the caller keeps it. */
  json?: unknown;
}

export interface RunOptions {
  /** Keep the parsed JSON of successful answers (the starts: their attempt ids). */
  keepJson?: boolean;
  /** How long the client waits for an answer before it counts the request as failed (status 0); 30 s by default. */
  timeoutMs?: number;
}

export function openPool(origin: string, connections: number): Pool {
  return new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
}

export async function send(pool: Pool, request: PlannedRequest, dueAt: number, options: RunOptions = {}): Promise<Answered> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers["content-type"] = "application/json";
  }
  try {
    const answer = await pool.request({
      method: request.method,
      path: request.path,
      headers,
      body,
      headersTimeout: options.timeoutMs ?? 30_000,
      bodyTimeout: options.timeoutMs ?? 30_000,
    });
    const text = await answer.body.text();
    const latencyMs = performance.now() - dueAt;
    const ok = answer.statusCode === request.expect;
    let json: unknown;
    if (options.keepJson && ok) json = JSON.parse(text);
    return { latencyMs, status: answer.statusCode, ok, path: request.path, json };
  } catch {
    return { latencyMs: performance.now() - dueAt, status: 0, ok: false, path: request.path };
  }
}

/**
 * Fires each planned request at its offset from now and resolves with every
 * answer (in schedule order) and the phase's wall-clock time.
 */
export async function runSchedule(
  pool: Pool,
  plan: readonly Scheduled<PlannedRequest>[],
  options: RunOptions = {},
): Promise<{ answers: Answered[]; wallMs: number; maxLagMs: number }> {
  const started = performance.now();
  let maxLagMs = 0;
  const pending = plan.map(
    ({ at, item }) =>
      new Promise<Answered>((resolve) => {
        const dueAt = started + at;
        setTimeout(() => {
          maxLagMs = Math.max(maxLagMs, performance.now() - dueAt);
          void send(pool, item, dueAt, options).then(resolve);
        }, Math.max(0, dueAt - performance.now()));
      }),
  );
  const answers = await Promise.all(pending);
  return { answers, wallMs: performance.now() - started, maxLagMs };
}
