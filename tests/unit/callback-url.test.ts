import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

const fallback = "/fallback";

describe("safeCallbackUrl", () => {
  it.each([
    ["/", "/"],
    ["/dashboard", "/dashboard"],
    ["/courses/x?tab=y#z", "/courses/x?tab=y#z"],
    ["/courses/mechanics-motion-and-forces/lessons/3", "/courses/mechanics-motion-and-forces/lessons/3"],
    ["/search?q=newton%27s+laws", "/search?q=newton%27s+laws"],
  ])("keeps the same-site path %j", (value, expected) => {
    expect(safeCallbackUrl(value, fallback)).toBe(expected);
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeCallbackUrl("/a/../admin", fallback)).toBe("/admin");
    expect(safeCallbackUrl("/../../etc", fallback)).toBe("/etc");
  });

  it.each([
    ["a scheme-relative URL", "//evil.com"],
    ["a scheme-relative URL with a path", "//evil.com/dashboard"],
    ["a backslash scheme-relative URL", "/\\evil.com"],
    ["a backslash later in the path", "/foo\\..\\\\evil.com"],
    ["an absolute https URL", "https://evil.com"],
    ["an absolute http URL to this site's shape", "http://localhost:3000/dashboard"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["an empty string", ""],
    ["a relative path without a slash", "dashboard"],
    ["an encoded tab then a host", "/%09/evil.com"],
    ["an encoded tab (lower-level form)", "/%09/evil"],
    ["an encoded newline", "/%0a/evil.com"],
    ["an encoded NUL", "/dash%00board"],
    ["an encoded DEL", "/dash%7Fboard"],
    ["dot segments that collapse into two slashes", "/.//evil.com"],
    ["dot segments that collapse into two slashes, deeper", "/a/..//evil.com"],
    ["a raw tab then a host", "/\t/evil.com"],
    ["a tab in the path", "/dash\tboard"],
    ["a newline in the path", "/dashboard\n"],
    ["a carriage return", "/\r/evil.com"],
    ["a NUL character", "/dash\u0000board"],
    ["a DEL character", "/dash\u007fboard"],
    ["a very long path", `/${"a".repeat(2000)}`],
  ])("refuses %s", (_label, value) => {
    expect(safeCallbackUrl(value, fallback)).toBe(fallback);
  });

  it.each([
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["an array", ["/dashboard"]],
    ["an object", { toString: () => "/dashboard" }],
  ])("refuses %s", (_label, value) => {
    expect(safeCallbackUrl(value, fallback)).toBe(fallback);
  });

  it("never returns anything that starts with two slashes", () => {
    for (const value of ["/%2F/evil.com", "/./%2Fevil.com", "/.//evil.com", "/%5C/evil.com"]) {
      const result = safeCallbackUrl(value, fallback);
      expect(result.startsWith("/")).toBe(true);
      expect(result.startsWith("//")).toBe(false);
      expect(result.startsWith("/\\")).toBe(false);
    }
  });

  it("returns the given fallback", () => {
    expect(safeCallbackUrl("//evil.com", "/teacher")).toBe("/teacher");
  });
});
