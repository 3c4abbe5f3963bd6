// What the server does around every request before the app sees it and after
// the response ends: resolve the client's address, note whether a proxy
// forwarded it, give the request an id,
// then write one log line and count it in the metrics. It sees every response
// (pages, API, files, errors), its status and its duration.
import { performance } from "node:perf_hooks";
import { stampClientAddress } from "../security/trust-proxy.mjs";
import { methodLabel } from "../metrics/registry.mjs";
import { stampForwardedMark } from "./forwarded-mark.mjs";
import { closeRequestContext, openRequestContext } from "./request-context.mjs";
import { stampRequestId } from "./request-id.mjs";
import { pathOf } from "./route-pattern.mjs";

/**
 * Returns `observe(request, response)`, to call first thing for each request.
 * The log line has the method, the route pattern (never the path or query,
 * which can carry ids and tokens), the status, the duration, the request id
 * and the signed-in user's id when the app noted one; never headers or bodies.
 */
export function createRequestObserver({ trust, routeOf, logger, metrics }) {
  return function observe(request, response) {
    const started = performance.now();
    const socketAddress = request.socket.remoteAddress;
    stampForwardedMark(request.headers);
    stampClientAddress(request.headers, socketAddress, trust);
    const requestId = stampRequestId(request.headers, socketAddress, trust);
    response.setHeader("X-Request-Id", requestId);
    openRequestContext(requestId);

    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const { userId } = closeRequestContext(requestId);
      const seconds = (performance.now() - started) / 1000;
      const route = routeOf(pathOf(request.url));
      const status = response.statusCode;
      metrics.observeRequest({ method: request.method, route, status }, seconds);
      const line = {
        requestId,
        method: methodLabel(request.method),
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
      };
      if (userId) line.userId = userId;
      // The browser went away before the response was complete.
      if (!response.writableFinished) line.aborted = true;
      const level = status >= 500 ? "error" : route === "/_next/static" ? "debug" : "info";
      logger[level](line, "request");
    };
    response.once("finish", finish);
    response.once("close", finish);
    return requestId;
  };
}
