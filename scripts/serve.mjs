// Serves the production build (npm start, the e2e server, production). It is
// `next start` plus what only the server in front of the app can do:
// - the client's address is resolved from the socket and TRUST_PROXY and
//   handed to the app in a private header (Next keeps a client-sent
//   X-Forwarded-For as it is and tells the app nothing else);
// - every request gets an id (X-Request-Id), one JSON log line and its place
//   in the metrics (lib/server/request-observer.mjs);
// - SIGTERM and SIGINT shut down gracefully (lib/server/graceful-shutdown.mjs).
//   node scripts/serve.mjs [port]     (or PORT; 3000 by default)
import { createServer } from "node:http";
import path from "node:path";
import { logger as processLogger } from "../lib/logging/logger.mjs";
import { appMetrics } from "../lib/metrics/registry.mjs";
import { parseTrustProxy } from "../lib/security/trust-proxy.mjs";
import { createGracefulShutdown, parseShutdownTimeout } from "../lib/server/graceful-shutdown.mjs";
import { createRequestObserver } from "../lib/server/request-observer.mjs";
import { loadRouteMatcher } from "../lib/server/route-pattern.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
// The app's absolute links (email, the calendar feed's address) name this port when SITE_URL does not say otherwise.
process.env.PORT = String(port);

// Set before Next (and React) load: they pick their production code by it.
process.env.NODE_ENV ??= "production";
const logger = processLogger();

const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
const shutdownTimeout = parseShutdownTimeout(process.env.SHUTDOWN_TIMEOUT);
for (const parsed of [trustProxy, shutdownTimeout]) {
  if (!parsed.ok) {
    logger.fatal(parsed.error);
    process.exit(1);
  }
}
const { trust } = trustProxy;

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port });
const handle = app.getRequestHandler();
await app.prepare();

const observe = createRequestObserver({
  trust,
  routeOf: loadRouteMatcher(path.join(root, ".next")),
  logger,
  metrics: appMetrics(),
});
const server = createServer((request, response) => {
  observe(request, response);
  handle(request, response);
});
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (request, socket, head) => upgrade(request, socket, head));
server.listen(port, () => {
  const trusted = trust.kind === "none" ? "no proxy" : trust.kind === "hops" ? `${trust.hops} proxy hop(s)` : trust.entries.join(", ");
  logger.info({ port, trustProxy: trusted }, `Jeevi Academy listening on http://localhost:${port}`);
});

const shutdown = createGracefulShutdown({
  server,
  timeoutMs: shutdownTimeout.ms,
  logger,
  closeApp: () => app.close?.() ?? Promise.resolve(),
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(signal));
