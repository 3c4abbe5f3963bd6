// Every request gets an id: in the X-Request-Id response header, on the
// request's log line and on error pages, so a user can quote it and an
// operator find it. The server (scripts/serve.mjs) decides it and hands it to
// the app in a private header, like the client's address.
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { normalizeAddress } from "../security/trust-proxy.mjs";

/** The private header the server sets; any copy a client sends is removed first. */
export const requestIdHeader = "x-jeevi-request-id";

/** What a proxy's id may look like: a UUID, a hex trace id, `Root=1-…`; nothing that could break a log line. */
const saneId = /^[A-Za-z0-9._:=@/+-]{1,128}$/;

export function isSaneRequestId(value) {
  return typeof value === "string" && saneId.test(value);
}

/**
 * Whether the connection comes from a proxy TRUST_PROXY names: only such a
 * proxy may hand on its own request id (a browser could otherwise pick one,
 * and make its requests look like someone else's in the logs).
 */
export function fromTrustedProxy(trust, socketAddress) {
  if (trust.kind === "none") return false;
  if (trust.kind === "hops") return trust.hops >= 1;
  const address = normalizeAddress(socketAddress);
  return address !== null && trust.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * Sets the private header to the request's id and returns it: the incoming
 * X-Request-Id when a trusted proxy sent a sane one, a new UUID otherwise.
 */
export function stampRequestId(headers, socketAddress, trust) {
  delete headers[requestIdHeader];
  const incoming = headers["x-request-id"];
  const id = fromTrustedProxy(trust, socketAddress) && isSaneRequestId(incoming) ? incoming : randomUUID();
  headers[requestIdHeader] = id;
  return id;
}
