import { describe, expect, it } from "vitest";
import {
  filterErrors,
  filterParams,
  isIsoDay,
  naturalDirection,
  parseReportQuery,
  reportExportHref,
  reportHref,
  reportPageHref,
  reportSortHref,
  reportSorts,
} from "@/lib/reports/report-params";

const base = "/teacher/courses/c/progress";
const courseId = "3f0c9a4e-1b2c-4d5e-8f90-123456789abc";

describe("parseReportQuery", () => {
  it("defaults to students A→Z, page 1, no filter", () => {
    expect(parseReportQuery({})).toEqual({ filters: { q: "" }, sort: "student", dir: "asc", page: 1 });
    expect(parseReportQuery(undefined)).toEqual(parseReportQuery({}));
    expect(parseReportQuery("nonsense")).toEqual(parseReportQuery({}));
    expect(parseReportQuery(null)).toEqual(parseReportQuery({}));
  });

  it("reads every filter, from a record or URLSearchParams", () => {
    const raw = {
      q: " Priya ",
      courseId,
      teacherId: courseId.toUpperCase(),
      subject: "physics",
      status: "active",
      progressMin: "10",
      progressMax: "75.5",
      enrolledFrom: "2026-01-01",
      enrolledTo: "2026-02-28",
      atRisk: "1",
      sort: "lastActivity",
      dir: "desc",
      page: "3",
    };
    const expected = {
      filters: {
        q: "Priya",
        courseId,
        teacherId: courseId,
        subject: "physics",
        status: "active",
        progressMin: 10,
        progressMax: 75.5,
        enrolledFrom: "2026-01-01",
        enrolledTo: "2026-02-28",
        atRisk: true,
      },
      sort: "lastActivity",
      dir: "desc",
      page: 3,
    };
    expect(parseReportQuery(raw)).toEqual(expected);
    expect(parseReportQuery(new URLSearchParams(raw))).toEqual(expected);
  });

  it("gives each sort its natural direction when none is asked", () => {
    for (const sort of reportSorts) expect(parseReportQuery({ sort }).dir).toBe(naturalDirection(sort));
    expect(naturalDirection("enrolled")).toBe("desc");
    expect(naturalDirection("progress")).toBe("asc");
    expect(parseReportQuery({ sort: "progress", dir: "desc" }).dir).toBe("desc");
  });

  it("swaps ranges given the wrong way round", () => {
    expect(parseReportQuery({ progressMin: "80", progressMax: "20" }).filters).toMatchObject({ progressMin: 20, progressMax: 80 });
    expect(parseReportQuery({ enrolledFrom: "2026-03-01", enrolledTo: "2026-02-01" }).filters).toMatchObject({
      enrolledFrom: "2026-02-01",
      enrolledTo: "2026-03-01",
    });
    expect(parseReportQuery({ progressMin: "50", progressMax: "50" }).filters).toMatchObject({ progressMin: 50, progressMax: 50 });
    expect(parseReportQuery({ progressMin: "0" }).filters.progressMin).toBe(0);
  });

  it("drops bad filters and falls back on bad sorts, never throws", () => {
    const parsed = parseReportQuery({
      q: 42,
      courseId: "not-a-uuid",
      teacherId: "1; drop table users",
      status: "graded",
      progressMin: "-5",
      progressMax: "101",
      enrolledFrom: "2026-02-30",
      enrolledTo: "yesterday",
      atRisk: "maybe",
      sort: "'; drop table users",
      dir: "up",
      page: "abc",
    });
    expect(parseReportQuery({})).toEqual(parsed);
    expect(parseReportQuery({ progressMin: "1e2" }).filters.progressMin).toBeUndefined();
    expect(parseReportQuery({ progressMin: "12.345" }).filters.progressMin).toBeUndefined();
    expect(parseReportQuery({ progressMin: "" }).filters.progressMin).toBeUndefined();
    expect(parseReportQuery({ progressMax: "NaN" }).filters.progressMax).toBeUndefined();
    expect(parseReportQuery({ page: "0" }).page).toBe(1);
    expect(parseReportQuery({ page: "1.5" }).page).toBe(1);
    expect(parseReportQuery({ page: "999999999" }).page).toBe(1);
    expect(parseReportQuery({ page: ["2", "5"] }).page).toBe(2);
    expect(parseReportQuery({ q: ["first", "second"] }).filters.q).toBe("first");
    expect(parseReportQuery({ q: "a\u0000b\n" }).filters.q).toBe("a b");
    expect(parseReportQuery({ q: "x".repeat(500) }).filters.q).toHaveLength(100);
    expect(parseReportQuery({ subject: "s".repeat(80) }).filters.subject).toHaveLength(60);
    expect(parseReportQuery({ subject: "   " }).filters.subject).toBeUndefined();
  });

  it("reads the at-risk switch from the usual truthy spellings only", () => {
    for (const value of ["1", "true", "on", "yes", "TRUE"]) expect(parseReportQuery({ atRisk: value }).filters.atRisk).toBe(true);
    for (const value of ["0", "false", "", "no"]) expect(parseReportQuery({ atRisk: value }).filters.atRisk).toBeUndefined();
  });
});

describe("isIsoDay", () => {
  it("accepts real calendar days only", () => {
    expect(isIsoDay("2028-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-13-01")).toBe(false);
    expect(isIsoDay("2026-1-01")).toBe(false);
    expect(isIsoDay("2026-01-01T00:00")).toBe(false);
  });
});

describe("report links", () => {
  const current = parseReportQuery({ q: "liam", status: "active", atRisk: "1", sort: "progress", dir: "desc", page: "2" });

  it("leaves defaults out", () => {
    expect(reportHref(base, { filters: { q: "" } })).toBe(base);
    expect(reportHref(base, { filters: { q: "" }, sort: "student", dir: "asc", page: 1 })).toBe(base);
    expect(reportHref(base, { filters: { q: "" }, sort: "student", dir: "desc" })).toBe(`${base}?sort=student&dir=desc`);
  });

  it("sorts: keeps the filters, flips the current column, natural direction for a new one, back to page 1", () => {
    expect(reportSortHref(base, current, "progress")).toBe(`${base}?q=liam&status=active&atRisk=1&sort=progress&dir=asc`);
    expect(reportSortHref(base, current, "enrolled")).toBe(`${base}?q=liam&status=active&atRisk=1&sort=enrolled&dir=desc`);
    expect(reportSortHref(base, current, "student")).toBe(`${base}?q=liam&status=active&atRisk=1`);
  });

  it("pages: keeps filters and sort", () => {
    expect(reportPageHref(base, current, 3)).toBe(`${base}?q=liam&status=active&atRisk=1&sort=progress&dir=desc&page=3`);
    expect(reportPageHref(base, current, 1)).toBe(`${base}?q=liam&status=active&atRisk=1&sort=progress&dir=desc`);
  });

  it("exports the same filters and order, without a page", () => {
    expect(reportExportHref(`${base}/export`, current)).toBe(`${base}/export?q=liam&status=active&atRisk=1&sort=progress&dir=desc`);
  });

  it("round-trips every filter through the URL", () => {
    const full = parseReportQuery({
      q: "a&b=c",
      courseId,
      teacherId: courseId,
      subject: "physics",
      status: "dropped",
      progressMin: "5.25",
      progressMax: "90",
      enrolledFrom: "2026-01-01",
      enrolledTo: "2026-01-31",
      atRisk: "on",
    });
    expect(parseReportQuery(filterParams(full.filters))).toEqual({ ...full, page: 1 });
    const href = reportHref(base, { filters: full.filters, sort: "quiz", dir: "desc", page: 4 });
    expect(parseReportQuery(new URL(href, "http://x").searchParams)).toEqual({ ...full, sort: "quiz", dir: "desc", page: 4 });
  });
});

describe("filterErrors", () => {
  it("names the fields that were filled in but could not be read", () => {
    const raw = { progressMin: "150", progressMax: "", enrolledFrom: "2026-02-30", status: "graded", q: "x" };
    expect(filterErrors(raw, parseReportQuery(raw).filters)).toEqual({
      progressMin: "Enter a number from 0 to 100.",
      enrolledFrom: "Enter a date as yyyy-mm-dd.",
      status: "Choose one of the listed statuses.",
    });
    const good = { progressMin: "80", progressMax: "20" };
    expect(filterErrors(good, parseReportQuery(good).filters)).toEqual({});
    expect(filterErrors(undefined, parseReportQuery(undefined).filters)).toEqual({});
  });
});
