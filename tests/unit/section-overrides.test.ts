import { describe, expect, it } from "vitest";
import type { TaskLimits, TaskOverrideValues } from "@/lib/pacing/effective-task";
import { limitsForStudent, mergeStudentOverride, mostLenientSectionOverride } from "@/lib/sections/section-overrides";
import { studentLimits } from "@/lib/pacing/task-overrides";

const day = (n: number) => new Date(Date.UTC(2026, 11, n, 18));
const none: TaskOverrideValues = { dueAt: null, timeLimitMinutes: null, attemptsAllowed: null };
const values = (v: Partial<TaskOverrideValues>): TaskOverrideValues => ({ ...none, ...v });
const task: TaskLimits = { dueAt: day(10), timeLimitMinutes: 30, attemptsAllowed: 1 };

describe("mostLenientSectionOverride", () => {
  it("is null without sections", () => {
    expect(mostLenientSectionOverride([])).toBeNull();
  });

  it("keeps one section's values as they are", () => {
    expect(mostLenientSectionOverride([values({ dueAt: day(12), attemptsAllowed: 2 })])).toEqual(values({ dueAt: day(12), attemptsAllowed: 2 }));
  });

  it("takes the latest due date, longest time limit and most attempts, each from whichever section has it", () => {
    const merged = mostLenientSectionOverride([
      values({ dueAt: day(12), timeLimitMinutes: 60, attemptsAllowed: 2 }),
      values({ dueAt: day(14), timeLimitMinutes: 45 }),
      values({ attemptsAllowed: 5 }),
    ]);
    expect(merged).toEqual({ dueAt: day(14), timeLimitMinutes: 60, attemptsAllowed: 5 });
  });

  it("does not depend on the order of the sections", () => {
    const a = values({ dueAt: day(20), timeLimitMinutes: 10 });
    const b = values({ dueAt: day(11), timeLimitMinutes: 90, attemptsAllowed: 3 });
    expect(mostLenientSectionOverride([a, b])).toEqual(mostLenientSectionOverride([b, a]));
    expect(mostLenientSectionOverride([a, b])).toEqual({ dueAt: day(20), timeLimitMinutes: 90, attemptsAllowed: 3 });
  });

  it("leaves a field no section sets empty", () => {
    expect(mostLenientSectionOverride([values({ dueAt: day(12) }), values({ dueAt: day(11) })])).toEqual(values({ dueAt: day(12) }));
  });
});

describe("mergeStudentOverride (own, else sections, per field)", () => {
  it("is null when neither the student nor a section sets anything", () => {
    expect(mergeStudentOverride(null, [])).toBeNull();
    expect(mergeStudentOverride(undefined, null)).toBeNull();
  });

  it("is the student's own override without sections", () => {
    expect(mergeStudentOverride(values({ dueAt: day(15) }), [])).toEqual(values({ dueAt: day(15) }));
  });

  it("is the sections' merge without an override of the student's own", () => {
    expect(mergeStudentOverride(null, [values({ dueAt: day(12) }), values({ dueAt: day(13), attemptsAllowed: 2 })])).toEqual(
      values({ dueAt: day(13), attemptsAllowed: 2 }),
    );
  });

  it("lets the student's own value win over the sections', even when it is stricter", () => {
    const own = values({ dueAt: day(11), timeLimitMinutes: 20, attemptsAllowed: 1 });
    expect(mergeStudentOverride(own, [values({ dueAt: day(20), timeLimitMinutes: 90, attemptsAllowed: 9 })])).toEqual(own);
  });

  it("fills the fields the student's own override leaves empty from its sections", () => {
    expect(mergeStudentOverride(values({ timeLimitMinutes: 50 }), [values({ dueAt: day(12), timeLimitMinutes: 90, attemptsAllowed: 3 })])).toEqual({
      dueAt: day(12),
      timeLimitMinutes: 50,
      attemptsAllowed: 3,
    });
  });

  it("accepts the sections already merged", () => {
    expect(mergeStudentOverride(values({ attemptsAllowed: 4 }), values({ dueAt: day(16) }))).toEqual(values({ dueAt: day(16), attemptsAllowed: 4 }));
  });
});

describe("limitsForStudent (own, else sections, else the task)", () => {
  it("is the task's limits with no overrides at all", () => {
    expect(limitsForStudent(task, null, [])).toEqual(task);
  });

  it("replaces the task's values with a section's, even a stricter one", () => {
    expect(limitsForStudent(task, null, [values({ dueAt: day(9), attemptsAllowed: 3 })])).toEqual({ dueAt: day(9), timeLimitMinutes: 30, attemptsAllowed: 3 });
  });

  it("gives a limited number of attempts to a quiz with unlimited ones when a section sets it", () => {
    expect(limitsForStudent({ ...task, attemptsAllowed: null }, null, [values({ attemptsAllowed: 2 })]).attemptsAllowed).toBe(2);
  });

  it("applies the whole chain field by field", () => {
    const own = values({ dueAt: day(18) });
    const sections = [values({ dueAt: day(25), timeLimitMinutes: 60 }), values({ timeLimitMinutes: 40 })];
    expect(limitsForStudent(task, own, sections)).toEqual({ dueAt: day(18), timeLimitMinutes: 60, attemptsAllowed: 1 });
  });
});

describe("studentLimits with sections", () => {
  it("says which values are not the task's, whether the student's own or a section's", () => {
    const limits = studentLimits(task, values({ timeLimitMinutes: 45 }), values({ dueAt: day(12) }));
    expect(limits).toEqual({
      dueAt: day(12),
      timeLimitMinutes: 45,
      attemptsAllowed: 1,
      dueAtOverridden: true,
      timeLimitOverridden: true,
      attemptsOverridden: false,
    });
  });

  it("says nothing is overridden without overrides", () => {
    expect(studentLimits(task, null, null)).toMatchObject({ dueAtOverridden: false, timeLimitOverridden: false, attemptsOverridden: false });
  });
});
