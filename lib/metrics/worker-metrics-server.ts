// `npm run worker` has no web server, so its job runs, statement timings and the
// queue depth would stay in its own memory. With WORKER_METRICS_PORT set it
// answers GET /metrics on that port, with the web server's rule for who may
// read them (lib/metrics/access.ts): this machine directly, or METRICS_TOKEN.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { DatabaseHandle } from "@/db";
import { parseTrustProxy, stampClientAddress } from "@/lib/security/trust-proxy.mjs";
import { stampForwardedMark } from "@/lib/server/forwarded-mark.mjs";
import { metricsAccess, unauthorizedMetricsAnswer } from "./access";
import { installDatabaseMetricSources } from "./database-sources";
import { appMetrics } from "./registry.mjs";

/** WORKER_METRICS_PORT as a port number, null when unset; a sentence for anything else. */
export function parseMetricsPort(raw: string | undefined): number | null {
  const text = raw?.trim() ?? "";
  if (text === "") return null;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) {
    throw new Error(`WORKER_METRICS_PORT must be a port number from 1 to 65535, not "${text}".`);
  }
  return port;
}

export interface WorkerMetricsServer {
  url: string;
  close(): Promise<void>;
}

export interface WorkerMetricsOptions {
  port: number;
  /** The address to listen on; 127.0.0.1 unless the scraper is on another machine. */
  host?: string;
  handle: DatabaseHandle;
  token?: string;
  trustProxy?: string;
}

function answer(response: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  response.end(body);
}

/** Points the worker's metrics at its database and serves them until closed. */
export async function serveWorkerMetrics(options: WorkerMetricsOptions): Promise<WorkerMetricsServer> {
  const metrics = appMetrics();
  installDatabaseMetricSources(() => options.handle);
  const parsedTrust = parseTrustProxy(options.trustProxy);
  if (!parsedTrust.ok) throw new Error(parsedTrust.error);
  const { trust } = parsedTrust;

  const server = http.createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== "/metrics") return answer(response, 404, "Not found");
    if (request.method !== "GET" && request.method !== "HEAD") return answer(response, 405, "Method not allowed", { Allow: "GET, HEAD" });
    // The same stamps the web server puts on every request, so the same rule applies.
    stampForwardedMark(request.headers);
    stampClientAddress(request.headers, request.socket.remoteAddress, trust);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const access = metricsAccess(headers, options.token ?? "");
    if (access === "not_found") return answer(response, 404, "Not found");
    if (access === "unauthorized") {
      return answer(response, 401, unauthorizedMetricsAnswer.text, unauthorizedMetricsAnswer.headers);
    }
    metrics.registry.metrics().then(
      (text: string) => {
        response.writeHead(200, { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" });
        response.end(request.method === "HEAD" ? undefined : text);
      },
      () => answer(response, 500, "The metrics could not be read; see the worker's log."),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(":") ? `[${address}]` : address}:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
