import { describe, expect, it } from "vitest";
import { describeViolation, parseCspReport, safeLocation } from "@/lib/security/csp-report";

const legacy = (report: Record<string, unknown>) => JSON.stringify({ "csp-report": report });

describe("parseCspReport: report-uri bodies", () => {
  it("reads the directive, the blocked source and the page", () => {
    const body = legacy({
      "document-uri": "https://learn.example/learn/intro/1?token=secret#top",
      "violated-directive": "script-src-elem",
      "effective-directive": "script-src-elem",
      "blocked-uri": "inline",
      disposition: "enforce",
    });
    const found = parseCspReport("application/csp-report", body);
    expect(found).toEqual([{ directive: "script-src-elem", blocked: "inline", page: "https://learn.example/learn/intro/1", disposition: "enforce" }]);
    expect(describeViolation(found![0]!)).toBe("[csp] script-src-elem blocked inline on https://learn.example/learn/intro/1");
  });

  it("falls back to the violated directive's name when the effective one is missing", () => {
    const found = parseCspReport("application/csp-report", legacy({ "violated-directive": "img-src 'self' data:", "blocked-uri": "https://evil.example/x.png" }));
    expect(found).toEqual([{ directive: "img-src", blocked: "https://evil.example/x.png", page: "(none)", disposition: "enforce" }]);
  });

  it("refuses bodies that are not a CSP report", () => {
    expect(parseCspReport("application/csp-report", "not json")).toBeNull();
    expect(parseCspReport("application/csp-report", "{}")).toBeNull();
    expect(parseCspReport("application/csp-report", "[]")).toBeNull();
    expect(parseCspReport("application/csp-report", legacy({ "blocked-uri": 42 }))).toBeNull();
    expect(parseCspReport("application/csp-report", JSON.stringify({ "csp-report": "x" }))).toBeNull();
  });
});

describe("parseCspReport: Reporting API batches", () => {
  const entry = (body: Record<string, unknown>, type = "csp-violation") => ({ type, age: 1, url: "https://learn.example/admin/users", user_agent: "x", body });

  it("reads every csp-violation and skips other report types", () => {
    const body = JSON.stringify([
      entry({ effectiveDirective: "frame-src", blockedURL: "https://evil.example/embed?x=1", documentURL: "https://learn.example/learn/a/b", disposition: "enforce" }),
      entry({ message: "deprecated" }, "deprecation"),
      entry({ effectiveDirective: "style-src-attr", blockedURL: "inline", disposition: "report" }),
    ]);
    expect(parseCspReport("application/reports+json", body)).toEqual([
      { directive: "frame-src", blocked: "https://evil.example/embed", page: "https://learn.example/learn/a/b", disposition: "enforce" },
      { directive: "style-src-attr", blocked: "inline", page: "https://learn.example/admin/users", disposition: "report" },
    ]);
  });

  it("refuses a batch that is not an array of reports", () => {
    expect(parseCspReport("application/reports+json", JSON.stringify({ type: "csp-violation" }))).toBeNull();
    expect(parseCspReport("application/reports+json", JSON.stringify([1, 2]))).toBeNull();
    expect(parseCspReport("application/reports+json", JSON.stringify([entry({ blockedURL: ["x"] })]))).toBeNull();
  });

  it("takes either shape under plain application/json", () => {
    expect(parseCspReport("application/json", legacy({ "effective-directive": "img-src" }))).toHaveLength(1);
    expect(parseCspReport("application/json", JSON.stringify([entry({ effectiveDirective: "img-src" })]))).toHaveLength(1);
  });
});

describe("safeLocation", () => {
  it("never lets a query, fragment, control character or free text into the log", () => {
    expect(safeLocation("https://a.example/reset?token=abc#x")).toBe("https://a.example/reset");
    expect(safeLocation("https://a.example/\nFAKE LOG LINE")).toBe("https://a.example/FAKE%20LOG%20LINE");
    expect(safeLocation("\u0007 definitely not a url")).toBe("(unreadable)");
    expect(safeLocation("data:text/html,<script>")).toBe("data");
    expect(safeLocation("eval")).toBe("eval");
    expect(safeLocation(undefined)).toBe("(none)");
    expect(safeLocation(`https://a.example/${"x".repeat(500)}`)).toHaveLength(200);
  });
});
