import { createHash, timingSafeEqual } from "node:crypto";
import { clientAddressHeader } from "@/lib/security/trust-proxy.mjs";
import { forwardedMarkHeader } from "@/lib/server/forwarded-mark.mjs";

export type MetricsAccess = "allowed" | "unauthorized" | "not_found";

/** What a scraper without the right token is told, by the web server and by a worker alike. */
export const unauthorizedMetricsAnswer = {
  text: "Send Authorization: Bearer <METRICS_TOKEN>.",
  headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
} as const;

function isLoopback(address: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) || address === "::1";
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Who may read /metrics: a scraper sending `Authorization: Bearer
 * $METRICS_TOKEN`, or a process on this machine talking to the server
 * directly. The address is the one the server resolved (x-jeevi-client-ip);
 * a request that arrived with forwarding headers (the server marks it,
 * x-jeevi-forwarded) is not direct even from 127.0.0.1, so a reverse proxy on
 * the same machine does not open the metrics to the world.
 * Anyone else gets 401 when a token is configured (a scraper with the wrong
 * one can tell), or 404, as if there were nothing here.
 */
export function metricsAccess(headers: Headers, token = process.env.METRICS_TOKEN?.trim() ?? ""): MetricsAccess {
  const address = headers.get(clientAddressHeader)?.trim() ?? "";
  if (isLoopback(address) && !headers.has(forwardedMarkHeader)) return "allowed";
  if (token === "") return "not_found";
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "")?.[1] ?? "";
  // Compared as digests: same length whatever was sent, and in constant time.
  return sent !== "" && timingSafeEqual(digest(sent), digest(token)) ? "allowed" : "unauthorized";
}
