import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { parseTrustProxy, type ProxyTrust } from "@/lib/security/trust-proxy.mjs";
import { isSaneRequestId, requestIdHeader, stampRequestId } from "@/lib/server/request-id.mjs";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const trustOf = (raw: string): ProxyTrust => {
  const parsed = parseTrustProxy(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.trust;
};

describe("request ids", () => {
  it("generates an id, and replaces any private header a client sent", () => {
    const headers: IncomingHttpHeaders = { [requestIdHeader]: "forged" };
    const id = stampRequestId(headers, "203.0.113.9", trustOf(""));
    expect(id).toMatch(uuid);
    expect(headers[requestIdHeader]).toBe(id);
  });

  it("ignores a client's X-Request-Id when no proxy is trusted", () => {
    const headers: IncomingHttpHeaders = { "x-request-id": "chosen-by-client" };
    expect(stampRequestId(headers, "203.0.113.9", trustOf(""))).toMatch(uuid);
  });

  it("keeps a trusted proxy's sane X-Request-Id", () => {
    const headers: IncomingHttpHeaders = { "x-request-id": "Root=1-67891233-abcdef012345678912345678" };
    expect(stampRequestId(headers, "10.0.0.2", trustOf("10.0.0.0/8"))).toBe("Root=1-67891233-abcdef012345678912345678");
    expect(stampRequestId({ "x-request-id": "abc-123" }, "127.0.0.1", trustOf("1"))).toBe("abc-123");
  });

  it("ignores it from an address that is not a listed proxy, and when it is not sane", () => {
    expect(stampRequestId({ "x-request-id": "abc-123" }, "192.0.2.1", trustOf("10.0.0.0/8"))).toMatch(uuid);
    for (const bad of ["has space", "line\nbreak", "x".repeat(129), "", "quote\"d"]) {
      expect(isSaneRequestId(bad)).toBe(false);
      expect(stampRequestId({ "x-request-id": bad }, "10.0.0.2", trustOf("10.0.0.0/8"))).toMatch(uuid);
    }
  });
});
