import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { AppMetrics } from "../metrics/registry.mjs";
import type { ProxyTrust } from "../security/trust-proxy.mjs";

export declare function createRequestObserver(options: {
  trust: ProxyTrust;
  routeOf: (pathname: string) => string;
  logger: Logger;
  metrics: Pick<AppMetrics, "observeRequest">;
}): (request: IncomingMessage, response: ServerResponse) => string;
