import { describe, expect, it } from "vitest";
import { changedKeys, formatValue } from "@/components/audit/change-summary";
import { entityLabel, targetHref } from "@/components/audit/target-link";
import { actionFilter, actionOptions, auditHref, dayRange, isCalendarDay, parseAuditQuery } from "@/lib/audit/audit-params";

describe("parseAuditQuery", () => {
  it("reads every filter from the URL", () => {
    expect(parseAuditQuery({ actor: " meera ", action: "auth.sign_in", from: "2026-11-01", to: "2026-11-30", page: "3" })).toEqual({
      actor: "meera",
      action: "auth.sign_in",
      from: "2026-11-01",
      to: "2026-11-30",
      page: 3,
      errors: {},
    });
  });

  it("falls back to no filter, page 1, for nothing at all", () => {
    expect(parseAuditQuery(undefined)).toEqual({ actor: "", action: "", from: null, to: null, page: 1, errors: {} });
    expect(parseAuditQuery("nonsense")).toMatchObject({ actor: "", page: 1 });
  });

  it("accepts an action group and drops a malformed action", () => {
    expect(parseAuditQuery({ action: "user.*" }).action).toBe("user.*");
    expect(parseAuditQuery({ action: "user.%" }).action).toBe("");
    expect(parseAuditQuery({ action: "'; DROP TABLE audit_log" }).action).toBe("");
    expect(parseAuditQuery({ action: "*" }).action).toBe("");
  });

  it("takes the first of a repeated parameter and strips control characters", () => {
    expect(parseAuditQuery({ actor: ["a\u0000b", "c"], page: ["2", "9"] })).toMatchObject({ actor: "a b", page: 2 });
  });

  it("cuts an over-long search and ignores a bad page", () => {
    expect(parseAuditQuery({ actor: "x".repeat(500) }).actor).toHaveLength(100);
    expect(parseAuditQuery({ page: "0" }).page).toBe(1);
    expect(parseAuditQuery({ page: "abc" }).page).toBe(1);
    expect(parseAuditQuery({ page: "100001" }).page).toBe(1);
  });

  it("drops an impossible date and says why next to its field", () => {
    const query = parseAuditQuery({ from: "2026-02-30", to: "yesterday" });
    expect(query).toMatchObject({ from: null, to: null });
    expect(query.errors.from).toMatch(/YYYY-MM-DD/);
    expect(query.errors.to).toMatch(/YYYY-MM-DD/);
  });

  it("drops an end date before the start date", () => {
    const query = parseAuditQuery({ from: "2026-11-10", to: "2026-11-09" });
    expect(query).toMatchObject({ from: "2026-11-10", to: null });
    expect(query.errors.to).toMatch(/before the start/);
  });
});

describe("audit filter helpers", () => {
  it("knows a real calendar day", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2026-1-1")).toBe(false);
  });

  it("covers whole UTC days, both ends inclusive", () => {
    expect(dayRange({ from: "2026-11-01", to: "2026-11-01" })).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      end: new Date("2026-11-02T00:00:00Z"),
    });
    expect(dayRange({ from: null, to: null })).toEqual({ start: null, end: null });
  });

  it("turns a group into a prefix and an action into an exact match", () => {
    expect(actionFilter("")).toBeNull();
    expect(actionFilter("auth.*")).toEqual({ prefix: "auth." });
    expect(actionFilter("auth.sign_in")).toEqual({ exact: "auth.sign_in" });
  });

  it("offers a group for every prefix with several actions, then every action", () => {
    expect(actionOptions(["auth.sign_in", "auth.sign_in_failed", "course.deleted"], "").map((option) => option.value)).toEqual([
      "",
      "auth.*",
      "auth.sign_in",
      "auth.sign_in_failed",
      "course.deleted",
    ]);
  });

  it("keeps the current choice even when no entry has it", () => {
    expect(actionOptions([], "user.role_changed").map((option) => option.value)).toEqual(["", "user.role_changed"]);
    expect(actionOptions([], "user.*").map((option) => option.value)).toEqual(["", "user.*"]);
  });

  it("writes short links that keep the filters", () => {
    expect(auditHref({})).toBe("/admin/audit");
    expect(auditHref({ actor: "a b", action: "auth.*", from: "2026-11-01", to: null, page: 2 })).toBe(
      "/admin/audit?actor=a+b&action=auth.*&from=2026-11-01&page=2",
    );
    expect(auditHref({ page: 1 })).toBe("/admin/audit");
  });
});

describe("changedKeys", () => {
  it("lists only the keys whose values differ", () => {
    expect(changedKeys({ role: "student", isActive: true }, { role: "teacher", isActive: true })).toEqual([
      { key: "role", before: "student", after: "teacher" },
    ]);
  });

  it("reads a missing side as nothing", () => {
    expect(changedKeys(null, { email: "a@b.example" })).toEqual([{ key: "email", before: null, after: "a@b.example" }]);
    expect(changedKeys({ title: "Old" }, null)).toEqual([{ key: "title", before: "Old", after: null }]);
    expect(changedKeys(null, null)).toEqual([]);
  });

  it("compares plain values and arrays as a whole", () => {
    expect(changedKeys("draft", "published")).toEqual([{ key: "value", before: "draft", after: "published" }]);
    expect(changedKeys([1], [1])).toEqual([]);
  });

  it("writes nested values as JSON and cuts long ones", () => {
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue("x".repeat(300))).toHaveLength(120);
    expect(formatValue(undefined)).toBeNull();
  });
});

describe("targetHref", () => {
  const noCourse = { targetCourseId: null, targetTaskType: null };
  const inCourse = (targetTaskType: string | null) => ({ targetUserEmail: null, targetCourseId: "c1", targetTaskType });

  it("links a user, a course and a submission; not a task or announcement deleted since, nor a post", () => {
    expect(targetHref({ entityType: "user", entityId: "u1", targetUserEmail: "a+b@x.example", ...noCourse })).toBe("/admin/users?q=a%2Bb%40x.example");
    expect(targetHref({ entityType: "user", entityId: "u1", targetUserEmail: null, ...noCourse })).toBeNull();
    expect(targetHref({ entityType: "course", entityId: "c1", targetUserEmail: null, ...noCourse })).toBe("/teacher/courses/c1");
    expect(targetHref({ entityType: "submission", entityId: "s1", targetUserEmail: null, ...noCourse })).toBe("/teacher/grading/s1");
    expect(targetHref({ entityType: "learning_task", entityId: "t1", targetUserEmail: null, ...noCourse })).toBeNull();
    expect(targetHref({ entityType: "course", entityId: null, targetUserEmail: null, ...noCourse })).toBeNull();
    expect(targetHref({ entityType: "discussion_post", entityId: "p1", ...inCourse(null) })).toBeNull();
    expect(entityLabel("learning_task")).toBe("Learning task");
  });

  it("links a quiz to its results, an assignment to its course's structure, an announcement to its course's list", () => {
    expect(targetHref({ entityType: "learning_task", entityId: "t1", ...inCourse("quiz") })).toBe("/teacher/courses/c1/quizzes/t1/results");
    expect(targetHref({ entityType: "learning_task", entityId: "t1", ...inCourse("assignment") })).toBe("/teacher/courses/c1/structure");
    expect(targetHref({ entityType: "announcement", entityId: "a1", ...inCourse(null) })).toBe("/teacher/courses/c1/announcements");
    // Deleted since: the join found no course.
    expect(targetHref({ entityType: "announcement", entityId: "a1", targetUserEmail: null, ...noCourse })).toBeNull();
  });
});
