import { describe, expect, it } from "vitest";
import { attemptsHref, defaultAttemptsQuery, parseAttemptsQuery, sortHref } from "@/lib/quizzes/results-params";

const base = "/teacher/courses/c/quizzes/t/results";

describe("parseAttemptsQuery", () => {
  it("defaults to the newest attempts first, page 1, no filter", () => {
    expect(parseAttemptsQuery({})).toEqual({ q: "", status: undefined, sort: "started", dir: "desc", page: 1 });
    expect(parseAttemptsQuery(undefined)).toEqual(parseAttemptsQuery({}));
    expect(parseAttemptsQuery("nonsense")).toEqual(parseAttemptsQuery({}));
  });

  it("keeps valid values and gives each sort its natural direction when none is asked", () => {
    expect(parseAttemptsQuery({ sort: "student" })).toMatchObject({ sort: "student", dir: "asc" });
    expect(parseAttemptsQuery({ sort: "score" })).toMatchObject({ sort: "score", dir: "desc" });
    expect(parseAttemptsQuery({ sort: "score", dir: "asc" })).toMatchObject({ sort: "score", dir: "asc" });
    expect(parseAttemptsQuery({ status: "closing", page: "3" })).toMatchObject({ status: "closing", page: 3 });
  });

  it("falls back field by field on bad input, never throws", () => {
    expect(parseAttemptsQuery({ sort: "'; drop table users", dir: "up", status: "graded", page: "abc" })).toEqual(defaultAttemptsQuery);
    expect(parseAttemptsQuery({ page: "0" }).page).toBe(1);
    expect(parseAttemptsQuery({ page: "1.5" }).page).toBe(1);
    expect(parseAttemptsQuery({ page: "999999999" }).page).toBe(1);
    expect(parseAttemptsQuery({ q: ["first", "second"] }).q).toBe("first");
    expect(parseAttemptsQuery({ q: "a\u0000b\n" }).q).toBe("a b");
    expect(parseAttemptsQuery({ q: "x".repeat(500) }).q).toHaveLength(100);
    expect(parseAttemptsQuery({ q: 42 }).q).toBe("");
  });
});

describe("attemptsHref and sortHref", () => {
  it("leaves defaults out and keeps the rest", () => {
    expect(attemptsHref(base, defaultAttemptsQuery)).toBe(base);
    expect(attemptsHref(base, { q: "ann lee", status: "submitted", sort: "score", dir: "asc", page: 2 })).toBe(
      `${base}?q=ann+lee&status=submitted&sort=score&dir=asc&page=2`,
    );
    expect(attemptsHref(base, { sort: "started", dir: "asc" })).toBe(`${base}?sort=started&dir=asc`);
  });

  it("keeps the section filter in every link, and drops a malformed section id", () => {
    const section = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    expect(parseAttemptsQuery({ section }).section).toBe(section);
    expect(parseAttemptsQuery({ section: "'; drop table users" })).toEqual(defaultAttemptsQuery);
    expect(attemptsHref(base, { section, page: 2 })).toBe(`${base}?section=${section}&page=2`);
    expect(sortHref(base, { ...defaultAttemptsQuery, section }, "score")).toBe(`${base}?section=${section}&sort=score&dir=desc`);
  });

  it("a header sorts by its column, flips the current one, and goes back to page 1", () => {
    const current = { ...defaultAttemptsQuery, q: "a", status: "expired" as const, page: 3 };
    expect(sortHref(base, current, "score")).toBe(`${base}?q=a&status=expired&sort=score&dir=desc`);
    expect(sortHref(base, current, "student")).toBe(`${base}?q=a&status=expired&sort=student&dir=asc`);
    expect(sortHref(base, current, "started")).toBe(`${base}?q=a&status=expired&sort=started&dir=asc`);
    expect(sortHref(base, { ...current, sort: "started", dir: "asc" }, "started")).toBe(`${base}?q=a&status=expired`);
  });
});
