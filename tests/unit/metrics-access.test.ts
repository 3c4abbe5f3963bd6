import { describe, expect, it } from "vitest";
import { metricsAccess } from "@/lib/metrics/access";

const from = (address: string, extra: Record<string, string> = {}) => new Headers({ "x-jeevi-client-ip": address, ...extra });

describe("who may read /metrics", () => {
  it("lets a process on this machine in without a token", () => {
    expect(metricsAccess(from("127.0.0.1"), "")).toBe("allowed");
    expect(metricsAccess(from("::1"), "")).toBe("allowed");
    expect(metricsAccess(from("127.0.0.53"), "tok")).toBe("allowed");
  });

  it("does not count a request through a proxy on this machine as local", () => {
    // The server marks a request that arrived with forwarding headers (Next adds X-Forwarded-For to all of them).
    expect(metricsAccess(from("127.0.0.1", { "x-jeevi-forwarded": "1" }), "")).toBe("not_found");
    expect(metricsAccess(from("127.0.0.1", { "x-forwarded-for": "127.0.0.1" }), "")).toBe("allowed");
  });

  it("hides the endpoint from everyone else when no token is configured", () => {
    expect(metricsAccess(from("203.0.113.5"), "")).toBe("not_found");
    expect(metricsAccess(from("203.0.113.5", { authorization: "Bearer anything" }), "")).toBe("not_found");
    // Served without scripts/serve.mjs (next dev) the address is unknown: not local.
    expect(metricsAccess(new Headers(), "")).toBe("not_found");
  });

  it("wants the configured token from everyone else", () => {
    const token = "s3cret-metrics-token";
    expect(metricsAccess(from("203.0.113.5", { authorization: `Bearer ${token}` }), token)).toBe("allowed");
    expect(metricsAccess(from("203.0.113.5", { authorization: `bearer ${token}` }), token)).toBe("allowed");
    expect(metricsAccess(from("203.0.113.5", { authorization: "Bearer wrong" }), token)).toBe("unauthorized");
    expect(metricsAccess(from("203.0.113.5", { authorization: `Bearer ${token}x` }), token)).toBe("unauthorized");
    expect(metricsAccess(from("203.0.113.5", { authorization: token }), token)).toBe("unauthorized");
    expect(metricsAccess(from("203.0.113.5"), token)).toBe("unauthorized");
  });
});
