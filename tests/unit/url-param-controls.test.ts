import { describe, expect, it } from "vitest";
import { parseUserTableQuery } from "@/lib/admin/user-params";
import { parseQueueParams } from "@/lib/assignments/queue-schema";
import { parseAuditQuery } from "@/lib/audit/audit-params";
import { parseCatalogueParams } from "@/lib/courses/catalogue-schema";
import { parseGradebookParams } from "@/lib/gradebook/gradebook-schema";
import { parseAttemptsQuery } from "@/lib/quizzes/results-params";
import { parseReportQuery } from "@/lib/reports/report-params";

// Every list page's search box, fed what a hand-edited URL can carry: the
// parser never throws, and no control, bidi or zero-width character survives
// into the text that goes to the database.

const searches: [string, (raw: Record<string, unknown>) => string][] = [
  ["grading queue", (raw) => parseQueueParams(raw).q],
  ["gradebook", (raw) => parseGradebookParams(raw).q],
  ["catalogue", (raw) => parseCatalogueParams(raw).q],
  ["progress report", (raw) => parseReportQuery(raw).filters.q],
  ["users table", (raw) => parseUserTableQuery(raw).filters.q],
  ["audit log", (raw) => parseAuditQuery({ actor: raw.q }).actor],
  ["quiz results", (raw) => parseAttemptsQuery(raw).q],
];

const hostile: [string, unknown, string][] = [
  ["a lone NUL (?q=%00)", "\u0000", ""],
  ["NUL inside a word", "ma\u0000ths", "ma ths"],
  ["other C0 controls and DEL", "\u0001a\u0007b\u001f\u007f", "a b"],
  ["C1 controls", "a\u0085\u009fb", "a  b"],
  ["a line break", "line\nbreak", "line break"],
  ["bidi overrides and zero-width characters", "\u202eAsha\u200b\u2066", "Asha"],
  ["a repeated parameter", ["first\u0000", "second"], "first"],
  ["an object", { nested: "\u0000" }, ""],
  ["a number", 42, ""],
];

describe.each(searches)("the %s search", (_page, search) => {
  it.each(hostile)("reads %s as clean text", (_name, value, expected) => {
    expect(search({ q: value })).toBe(expected);
  });

  it("cuts a very long search to its limit instead of failing", () => {
    const text = search({ q: "a".repeat(100_000) });
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(200);
  });
});

describe("the grading queue's other parameters", () => {
  it("drop ids that are not ids, and fall back on unknown choices and pages", () => {
    expect(parseQueueParams({ course: "\u0000", assignment: ["x", "y"], status: "bogus\u0000", sort: ["newest"], page: "1e9" })).toEqual({
      course: undefined,
      assignment: undefined,
      status: "needs_grading",
      q: "",
      sort: "newest",
      page: 1,
    });
  });

  it("never throws whatever the input is", () => {
    for (const raw of [null, undefined, "text", 7, [], new URLSearchParams("q=%00&page=%00")]) {
      expect(() => parseQueueParams(raw)).not.toThrow();
      expect(() => parseGradebookParams(raw)).not.toThrow();
    }
    expect(parseGradebookParams(new URLSearchParams("q=%00x&page=2"))).toEqual({ q: "x", page: 2 });
  });
});
