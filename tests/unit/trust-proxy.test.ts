import { describe, expect, it } from "vitest";
import { clientIpFrom } from "@/lib/auth/client-ip";
import {
  clientAddressHeader,
  normalizeAddress,
  parseTrustProxy,
  resolveClientAddress,
  stampClientAddress,
  type ProxyTrust,
} from "@/lib/security/trust-proxy.mjs";
import { captureLogs } from "../support/capture-logs";

function trustOf(raw: string | undefined): ProxyTrust {
  const parsed = parseTrustProxy(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.trust;
}

describe("parseTrustProxy", () => {
  it.each([undefined, "", "  ", "0", "false", "FALSE"])("%j trusts no proxy", (raw) => {
    expect(trustOf(raw)).toEqual({ kind: "none" });
  });

  it("a whole number is that many proxy hops", () => {
    expect(trustOf("1")).toEqual({ kind: "hops", hops: 1 });
    expect(trustOf(" 3 ")).toEqual({ kind: "hops", hops: 3 });
  });

  it("a list of addresses and CIDR ranges, IPv4 and IPv6, is kept in order", () => {
    const trust = trustOf("10.0.0.1, 192.168.0.0/16,::1, fd00::/8");
    expect(trust.kind).toBe("addresses");
    if (trust.kind === "addresses") expect(trust.entries).toEqual(["10.0.0.1", "192.168.0.0/16", "::1", "fd00::/8"]);
  });

  it.each([
    "yes",
    "true",
    "-1",
    "1.5",
    "21",
    "10.0.0.1,",
    "10.0.0.300",
    "10.0.0.0/33",
    "fd00::/129",
    "10.0.0.0/8/1",
    "10.0.0.0/x",
    "example.com",
    "10.0.0.1; 10.0.0.2",
  ])("refuses %j with a message naming the problem", (raw) => {
    const parsed = parseTrustProxy(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/TRUST_PROXY/);
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
  ])("%j reads as %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each(["", "unknown", "evil.example", "1.2.3", "1.2.3.4.5", "<script>", "999.1.1.1", undefined, 42])("%j is not an address", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});

describe("resolveClientAddress", () => {
  const socket = "10.0.0.5";

  it("without TRUST_PROXY the socket is the client, whatever X-Forwarded-For says", () => {
    const trust = trustOf(undefined);
    expect(resolveClientAddress(trust, socket, "198.51.100.1")).toBe(socket);
    expect(resolveClientAddress(trust, socket, undefined)).toBe(socket);
    expect(resolveClientAddress(trust, "::ffff:10.0.0.5", "198.51.100.1, 198.51.100.2")).toBe(socket);
  });

  it("one hop: the address the proxy appended, not what the client wrote before it", () => {
    const trust = trustOf("1");
    // nginx's $proxy_add_x_forwarded_for appends the address it saw to the client's header.
    expect(resolveClientAddress(trust, socket, "6.6.6.6, 203.0.113.9")).toBe("203.0.113.9");
    expect(resolveClientAddress(trust, socket, "203.0.113.9")).toBe("203.0.113.9");
    expect(resolveClientAddress(trust, socket, ["6.6.6.6", "203.0.113.9"])).toBe("203.0.113.9");
  });

  it("two hops skip two proxies from the right", () => {
    expect(resolveClientAddress(trustOf("2"), socket, "6.6.6.6, 203.0.113.9, 10.0.0.4")).toBe("203.0.113.9");
  });

  it("more hops than the chain has: the leftmost hop", () => {
    expect(resolveClientAddress(trustOf("3"), socket, "203.0.113.9")).toBe("203.0.113.9");
    expect(resolveClientAddress(trustOf("1"), socket, undefined)).toBe(socket);
  });

  it("an address list skips only the listed proxies, IPv4 and IPv6", () => {
    const trust = trustOf("10.0.0.0/24, 2001:db8:ffff::/48");
    expect(resolveClientAddress(trust, socket, "6.6.6.6, 203.0.113.9, 10.0.0.4")).toBe("203.0.113.9");
    expect(resolveClientAddress(trust, "2001:db8:ffff::2", "2001:db8:1::7")).toBe("2001:db8:1::7");
    // A socket that is not a listed proxy is the client itself: its header is not believed.
    expect(resolveClientAddress(trust, "203.0.113.50", "6.6.6.6")).toBe("203.0.113.50");
  });

  it("a hop that is not an address stops at the last good one, so no made-up string becomes the key", () => {
    expect(resolveClientAddress(trustOf("1"), socket, "anything-at-all")).toBe(socket);
    expect(resolveClientAddress(trustOf("2"), socket, "6.6.6.6, <script>, 10.0.0.4")).toBe("10.0.0.4");
    expect(resolveClientAddress(trustOf("10.0.0.0/8"), socket, "evil, 10.0.0.4")).toBe("10.0.0.4");
  });

  it("a missing socket address is unknown", () => {
    expect(resolveClientAddress(trustOf("1"), undefined, "203.0.113.9")).toBe("unknown");
  });
});

describe("clientIpFrom", () => {
  it("reads only the server's private header, never X-Forwarded-For", () => {
    expect(clientIpFrom(new Headers({ [clientAddressHeader]: "203.0.113.9", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.9");
  });

  it("without that header every request is the same unknown address", () => {
    const logs = captureLogs();
    try {
      expect(clientIpFrom(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
      expect(clientIpFrom(new Headers({ "x-real-ip": "6.6.6.7" }))).toBe("unknown");
      expect(logs.at("warn")).toHaveLength(1);
    } finally {
      logs.restore();
    }
  });
});

describe("stampClientAddress", () => {
  it("replaces a client-sent private header with the resolved address", () => {
    const headers: Record<string, string | string[] | undefined> = { [clientAddressHeader]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" };
    stampClientAddress(headers, "203.0.113.9", trustOf(undefined));
    expect(headers[clientAddressHeader]).toBe("203.0.113.9");
    stampClientAddress(headers, "10.0.0.5", trustOf("1"));
    expect(headers[clientAddressHeader]).toBe("7.7.7.7");
  });
});
