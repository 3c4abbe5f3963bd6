// Which address a request comes from, decided once per request by the server
// (scripts/serve.mjs) from the socket and TRUST_PROXY. Plain JavaScript so the
// server loads it without a build step; lib/security/trust-proxy.d.mts types it.
import { BlockList, isIP } from "node:net";

/** The private header the server sets; any copy a client sends is removed first. */
export const clientAddressHeader = "x-jeevi-client-ip";

/**
 * An address written in a header or reported by a socket, in one canonical
 * form: IPv4-mapped IPv6 (::ffff:1.2.3.4) as IPv4, IPv6 in brackets or with a
 * zone unwrapped, an IPv4 "address:port" without the port. Anything else is
 * not an address (null).
 */
export function normalizeAddress(raw) {
  if (typeof raw !== "string") return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4WithPort) value = v4WithPort[1];
  value = value.replace(/%[0-9A-Za-z._-]+$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1];
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return value.toLowerCase();
  return null;
}

/**
 * Reads TRUST_PROXY: unset, empty, "0" or "false" trusts no proxy (the
 * socket's address is the client's); a whole number N trusts the N nearest
 * proxies; a comma-separated list of addresses and CIDR ranges trusts the
 * proxies at those addresses. Anything else is refused with a message, so a
 * typo stops the server instead of trusting the wrong hop.
 */
export function parseTrustProxy(raw) {
  const text = (raw ?? "").trim();
  if (text === "" || text === "0" || text.toLowerCase() === "false") return { ok: true, trust: { kind: "none" } };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (!Number.isSafeInteger(hops) || hops > 20) return { ok: false, error: `TRUST_PROXY=${text}: at most 20 proxy hops.` };
    return { ok: true, trust: { kind: "hops", hops } };
  }
  const list = new BlockList();
  const entries = text.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const normalized = normalizeAddress(address);
    if (!normalized || extra !== undefined) return { ok: false, error: `TRUST_PROXY: "${entry}" is not an address or CIDR range.` };
    const family = isIP(normalized) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) {
      list.addAddress(normalized, family);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits >= 0 && bits <= (family === "ipv6" ? 128 : 32))) {
      return { ok: false, error: `TRUST_PROXY: "${entry}" has a prefix length that does not fit the address.` };
    }
    list.addSubnet(normalized, bits, family);
  }
  return { ok: true, trust: { kind: "addresses", list, entries } };
}

function isTrustedAddress(list, address) {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address. The chain is every X-Forwarded-For hop, left to
 * right, then the socket: the rightmost entries were written by the nearest
 * proxies, the leftmost by whoever sent the request first (possibly made up).
 * Walking from the right, trusted proxies are skipped; the first hop that is
 * not a trusted proxy is the client. A hop that is not an address stops the
 * walk at the last good one, so a client cannot pick an arbitrary string.
 */
export function resolveClientAddress(trust, socketAddress, forwardedFor) {
  const socket = normalizeAddress(socketAddress) ?? "unknown";
  if (trust.kind === "none" || socket === "unknown") return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  const chain = [...hops, socket];
  let client = socket;
  for (let index = chain.length - 1, skipped = 0; index >= 0; index--) {
    const address = index === chain.length - 1 ? socket : normalizeAddress(chain[index]);
    if (!address) return client;
    client = address;
    const trusted = trust.kind === "hops" ? skipped < trust.hops : isTrustedAddress(trust.list, address);
    if (!trusted) return address;
    skipped++;
  }
  // Every hop was a trusted proxy: the leftmost is the best that is known.
  return client;
}

/**
 * What the server does to every request before the app sees it: removes any
 * client-sent copy of the private header, then sets it to the resolved
 * address. `headers` is Node's IncomingMessage headers object.
 */
export function stampClientAddress(headers, socketAddress, trust) {
  delete headers[clientAddressHeader];
  headers[clientAddressHeader] = resolveClientAddress(trust, socketAddress, headers["x-forwarded-for"]);
}
