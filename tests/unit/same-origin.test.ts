import { afterEach, describe, expect, it } from "vitest";
import { isCrossSite, isCrossSiteWrite } from "@/lib/security/same-origin";

// Where a request comes from, as browsers say it: Sec-Fetch-Site and Origin.

const request = (headers: Record<string, string>, method = "POST", url = "http://school.example/api/uploads") =>
  new Request(url, { method, headers: { host: new URL(url).host, ...headers } });

afterEach(() => {
  delete process.env.SITE_URL;
});

describe("isCrossSite", () => {
  it.each([
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: cross-site even with a matching Origin", { "sec-fetch-site": "cross-site", origin: "http://school.example" }],
    ["Sec-Fetch-Site: same-site from a sibling subdomain", { "sec-fetch-site": "same-site", origin: "http://evil.school.example" }],
    ["Sec-Fetch-Site: same-site without an Origin", { "sec-fetch-site": "same-site" }],
    ["an Origin of another site", { origin: "https://evil.example" }],
    ["an Origin of another port", { origin: "http://school.example:8080" }],
    ["the opaque Origin null", { origin: "null" }],
    ["a malformed Origin", { origin: "::::" }],
  ])("is true for %s", (_name, headers) => {
    expect(isCrossSite(request(headers))).toBe(true);
  });

  it.each([
    ["this site's own page", { "sec-fetch-site": "same-origin", origin: "http://school.example" }],
    ["an Origin matching the Host", { origin: "http://school.example" }],
    ["a typed address (Sec-Fetch-Site: none)", { "sec-fetch-site": "none" }],
    ["a client that is not a browser (no headers)", {}],
  ])("is false for %s", (_name, headers) => {
    expect(isCrossSite(request(headers))).toBe(false);
  });

  it("accepts SITE_URL's origin, for a server behind a proxy that rewrites the Host", () => {
    process.env.SITE_URL = "https://academy.example";
    expect(isCrossSite(request({ origin: "https://academy.example" }, "POST", "http://127.0.0.1:3000/api/uploads"))).toBe(false);
    expect(isCrossSite(request({ origin: "https://evil.example" }, "POST", "http://127.0.0.1:3000/api/uploads"))).toBe(true);
  });
});

describe("isCrossSiteWrite", () => {
  it("only concerns methods that may change something", () => {
    const evil = { "sec-fetch-site": "cross-site", origin: "https://evil.example" };
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(isCrossSiteWrite(request(evil, method))).toBe(true);
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(isCrossSiteWrite(request(evil, method))).toBe(false);
  });
});
