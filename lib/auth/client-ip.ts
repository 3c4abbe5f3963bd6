import { clientAddressHeader } from "@/lib/security/trust-proxy.mjs";
import { logger } from "@/lib/logging/logger.mjs";

let warned = false;

/**
 * The client's address, as the server (scripts/serve.mjs) resolved it from the
 * socket and TRUST_PROXY and passed it on in a private header, after removing
 * any copy the client sent. X-Forwarded-For is never read here: Next keeps a
 * client-sent one as it is, so it tells nothing a client could not make up.
 * Served another way (`next dev`), there is no such header and every request
 * shares the address "unknown": per-address limits then count everyone together.
 */
export function clientIpFrom(headers: Headers): string {
  const resolved = headers.get(clientAddressHeader)?.trim();
  if (resolved) return resolved.slice(0, 100);
  if (!warned) {
    warned = true;
    logger().warn(
      `client-ip: no ${clientAddressHeader} header: the app is not served by scripts/serve.mjs (npm start), so client addresses are unknown and per-address limits are shared.`,
    );
  }
  return "unknown";
}
