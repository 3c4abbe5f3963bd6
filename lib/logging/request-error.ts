import type { Instrumentation } from "next";
import { requestIdHeader } from "@/lib/server/request-id.mjs";
import { logger } from "./logger.mjs";

type ErrorArguments = Parameters<Instrumentation.onRequestError>;

/**
 * The log line for an error Next caught while answering: the request's id and
 * the route pattern (not the path, which can carry tokens), the digest the
 * error page shows, and the error (statement parameters removed by the logger).
 */
export function logRequestError(error: ErrorArguments[0], request: ErrorArguments[1], context: ErrorArguments[2]): void {
  const id = request.headers[requestIdHeader];
  const digest = (error as { digest?: unknown } | null)?.digest;
  logger().error(
    {
      requestId: typeof id === "string" ? id : undefined,
      method: request.method,
      route: context.routePath,
      routeType: context.routeType,
      digest: typeof digest === "string" ? digest : undefined,
      err: error,
    },
    "request failed",
  );
}
