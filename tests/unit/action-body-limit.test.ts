import { describe, expect, it } from "vitest";
import { actionBodyLimitBytes, isOversizedActionPost, isUnmeasuredActionPost } from "@/lib/security/action-body-limit";

// proxy.ts answers an oversized server action with 413 before Next.js would
// answer it with a 500; only server action posts that say their length count.

const headers = (length: number, action = true) =>
  new Headers({ "content-length": String(length), ...(action ? { "next-action": "7f00aa" } : {}) });

describe("isOversizedActionPost", () => {
  it("is true for a server action post over the limit", () => {
    expect(isOversizedActionPost("POST", headers(actionBodyLimitBytes + 1))).toBe(true);
  });

  it("is false at the limit, for other requests and for uploads (which have their own limits)", () => {
    expect(isOversizedActionPost("POST", headers(actionBodyLimitBytes))).toBe(false);
    expect(isOversizedActionPost("POST", headers(10 * actionBodyLimitBytes, false))).toBe(false);
    expect(isOversizedActionPost("GET", headers(10 * actionBodyLimitBytes))).toBe(false);
  });

  it("leaves a post without a length to the unmeasured check", () => {
    expect(isOversizedActionPost("POST", new Headers({ "next-action": "7f00aa" }))).toBe(false);
  });
});

describe("isUnmeasuredActionPost", () => {
  it("is true for a server action post without Content-Length (a chunked body)", () => {
    expect(isUnmeasuredActionPost("POST", new Headers({ "next-action": "7f00aa", "transfer-encoding": "chunked" }))).toBe(true);
  });

  it("is false when the length is given, for other posts and for other methods", () => {
    expect(isUnmeasuredActionPost("POST", headers(10))).toBe(false);
    expect(isUnmeasuredActionPost("POST", new Headers({ "transfer-encoding": "chunked" }))).toBe(false);
    expect(isUnmeasuredActionPost("GET", new Headers({ "next-action": "7f00aa" }))).toBe(false);
  });

  it("is big enough for the largest real form: a 50,000-character lesson in escaped characters", () => {
    expect(JSON.stringify({ body: "\u0001".repeat(50_000) }).length).toBeLessThan(actionBodyLimitBytes);
  });
});
